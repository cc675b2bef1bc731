import { CompletionScriptCommand } from '../../completion/command.js';

export default class CompletionFish extends CompletionScriptCommand {
  static override summary = 'generate autocompletion script for fish';
  static override description = `Prints a fish completion script.

To load completions in your current shell session:

    helm completion fish | source

To load completions for every new session, execute once:

    helm completion fish > ~/.config/fish/completions/helm.fish`;
  protected readonly shell = 'fish';
}
