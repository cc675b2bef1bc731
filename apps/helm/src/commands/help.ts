import { Args } from '@oclif/core';
import { HelmCommand } from '../base-command.js';
import { HelmHelp } from '../help.js';

export default class HelpCommand extends HelmCommand {
  static override summary = 'Help about any command';
  static override description = 'Help provides help for any command in the application, plugin commands included.';
  static override strict = false;
  static override args = { command: Args.string({ description: 'the command to show help for' }) };
  static override examples = ['<%= config.bin %> help plugin list', '<%= config.bin %> help <plugin>'];

  async run(): Promise<void> {
    const { argv } = await this.parse(HelpCommand);
    await new HelmHelp(this.config).showHelp(argv as string[]);
  }
}
