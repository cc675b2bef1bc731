import { loadSettings } from '@helm4/settings';
import { Help } from '@oclif/core';
import { isOurCommand } from './cli/builtins.js';
import { discoverPluginCommands, type PluginCommands } from './plugin-commands.js';
import { pluginCommandRows, renderConflictWarnings, renderPluginHelp } from './render/plugin-help.js';

/**
 * oclif's help, plus plugin commands: `helm --help` lists every cli/v1 plugin command with its short help, and
 * `helm help <plugin>` shows the plugin's usage and help. (`helm <plugin> --help` goes to the plugin itself.)
 */
export class HelmHelp extends Help {
  private plugins: Promise<PluginCommands> | undefined;

  private pluginCommands(): Promise<PluginCommands> {
    this.plugins ??= discoverPluginCommands(loadSettings(process.env));
    return this.plugins;
  }

  override async showHelp(argv: string[]): Promise<void> {
    const first = argv.find((a) => !a.startsWith('-'));
    if (first !== undefined && !isOurCommand(first)) {
      const command = (await this.pluginCommands()).commands.find((c) => c.name === first);
      if (command !== undefined) {
        this.log(renderPluginHelp(command, this.config.bin).trimEnd());
        return;
      }
    }
    await super.showHelp(argv);
  }

  protected override async showRootHelp(): Promise<void> {
    await super.showRootHelp();
    const { commands, conflicts } = await this.pluginCommands();
    if (commands.length > 0) {
      const body = this.renderList(pluginCommandRows(commands), {
        indentation: 2,
        spacer: '\n',
        stripAnsi: this.opts.stripAnsi,
      });
      this.log(this.section('PLUGIN COMMANDS', body));
      this.log('');
    }
    process.stderr.write(renderConflictWarnings(conflicts));
  }
}
