import { loadSettings } from '@helm4/settings';
import { type Command, CommandHelp, Help } from '@oclif/core';
import { isOurCommand } from './cli/builtins.js';
import { HELM_GLOBAL_FLAGS } from './cli/global-flags.js';
import { readCommandTable, routeArgv } from './cli/route.js';
import { discoverPluginCommands, type PluginCommands } from './plugin-commands.js';
import { pluginCommandRows, renderConflictWarnings, renderPluginHelp } from './render/plugin-help.js';

const GLOBAL_FLAG_NAMES = new Set(HELM_GLOBAL_FLAGS.map((f) => f.name));

/** A command's help: Helm's global flags are listed under GLOBAL FLAGS but kept out of the usage line. */
class HelmCommandHelp extends CommandHelp {
  protected override defaultUsage(): string {
    const command = this.command;
    const flags = Object.fromEntries(Object.entries(command.flags ?? {}).filter(([n]) => !GLOBAL_FLAG_NAMES.has(n)));
    this.command = { ...command, flags };
    try {
      return super.defaultUsage();
    } finally {
      this.command = command;
    }
  }
}

/**
 * oclif's help, plus plugin commands: `helm --help` lists every cli/v1 plugin command with its short help, and
 * `helm help <plugin>` shows the plugin's usage and help. (`helm <plugin> --help` goes to the plugin itself.)
 * What the help is of is found as cobra finds it (`helm help plugin foo` is the help of `helm plugin`; an
 * unknown word is Helm's `Unknown help topic`).
 */
export class HelmHelp extends Help {
  private plugins: Promise<PluginCommands> | undefined;

  private pluginCommands(): Promise<PluginCommands> {
    this.plugins ??= discoverPluginCommands(loadSettings(process.env));
    return this.plugins;
  }

  protected override getCommandHelpClass(command: Command.Loadable): CommandHelp {
    return new HelmCommandHelp(command, this.config, this.opts);
  }

  override async showHelp(argv: string[]): Promise<void> {
    const args = argv.filter((a) => a !== '--help' && a !== '-h');
    // An oclif id (`plugin:list`): how this helm hands a found command to oclif.
    if (args[0]?.includes(':')) return super.showHelp([args[0]]);
    const route = routeArgv(args, readCommandTable());
    if (route.kind === 'command') return super.showHelp([route.id]);
    if (route.id !== undefined) return super.showHelp([route.id]);
    const words = route.args.filter((a) => !a.startsWith('-'));
    const first = words[0];
    if (first === undefined) return super.showHelp([]);
    if (!isOurCommand(first)) {
      const command = (await this.pluginCommands()).commands.find((c) => c.name === first);
      if (command !== undefined) {
        this.log(renderPluginHelp(command, this.config.bin).trimEnd());
        return;
      }
    }
    // cobra's help command: `Unknown help topic` and the root usage, on stderr, exit 0.
    process.stderr.write(`Unknown help topic [${words.map((w) => `\`${w}\``).join(' ')}]\n`);
    this.opts.sendToStderr = true;
    await this.showRootHelp();
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
    // As cobra lists them (`-n, --namespace`, the others aligned after the shorthand column); not wrapped.
    const labels = HELM_GLOBAL_FLAGS.map(
      (f) => `${f.shorthand === undefined ? '    ' : `-${f.shorthand}, `}--${f.name}`,
    );
    const width = Math.max(...labels.map((l) => l.length));
    const globals = HELM_GLOBAL_FLAGS.map((f, i) => `  ${(labels[i] as string).padEnd(width)}  ${f.usage}`).join('\n');
    this.log(`GLOBAL FLAGS (every command)\n${globals}`);
    this.log('');
    process.stderr.write(renderConflictWarnings(conflicts));
  }
}
