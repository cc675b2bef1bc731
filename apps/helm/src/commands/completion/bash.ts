import { CompletionScriptCommand } from '../../completion/command.js';

export default class CompletionBash extends CompletionScriptCommand {
  static override summary = 'generate autocompletion script for bash';
  static override description = `Prints a bash completion script (bash 4.1+; bash-completion is used when loaded).

To load completions in your current shell session:

    source <(helm completion bash)

To load completions for every new session, execute once:

    helm completion bash > /etc/bash_completion.d/helm`;
  protected readonly shell = 'bash';
}
