import { Flags } from '@oclif/core';
import { HelmCommand } from '../base-command.js';
import { bashScript, fishScript, zshScript } from './scripts.js';

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;
export type Shell = keyof typeof SCRIPTS;

/** `helm completion <shell>`: prints the script; the script asks `helm __complete` on every TAB. */
export abstract class CompletionScriptCommand extends HelmCommand {
  static override flags = {
    'no-descriptions': Flags.boolean({ description: 'disable completion descriptions' }),
  };

  protected abstract readonly shell: Shell;

  async run(): Promise<void> {
    const { flags } = await this.parse();
    const noDescriptions = flags['no-descriptions'] === true;
    process.stdout.write(SCRIPTS[this.shell]({ program: this.config.bin, descriptions: !noDescriptions }));
  }
}
