import { CompletionScriptCommand } from '../../completion/command.js';

export default class CompletionZsh extends CompletionScriptCommand {
  static override summary = 'generate autocompletion script for zsh';
  static override description = `Prints a zsh completion script.

To load completions in your current shell session:

    source <(helm completion zsh)

To load completions for every new session, execute once:

    helm completion zsh > "\${fpath[1]}/_helm"`;
  protected readonly shell = 'zsh';
}
