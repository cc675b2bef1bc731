import type { LoadedPlugin, QuarantinedPlugin } from '@helm4/manifest/loader';
import { CLI_HOST_CODES } from './codes.js';
import { cliCommandConfig, cliCommandName } from './command.js';

/** A cli/v1 plugin that owns `helm <name>`. */
export interface CliCommand {
  name: string;
  plugin: LoadedPlugin;
}

export interface ResolvedCliCommands {
  /** In plugin order (the order of the plugin path, lexical within a directory). */
  commands: CliCommand[];
  /** Plugins whose command name is taken; they stay loaded but get no command. */
  conflicts: QuarantinedPlugin[];
}

/**
 * Gives every cli/v1 plugin its `helm <name>` command. A name that is a built-in command (`reserved`) or that an
 * earlier plugin already took is a CLI_PLUGIN_NAME_CONFLICT: that plugin gets no command, the others keep
 * theirs. (Helm 4.1+ stops loading every remaining plugin at the first conflict.)
 */
export function resolveCliCommands(
  plugins: readonly LoadedPlugin[],
  reserved: ReadonlySet<string>,
): ResolvedCliCommands {
  const taken = new Map<string, LoadedPlugin>();
  const commands: CliCommand[] = [];
  const conflicts: QuarantinedPlugin[] = [];
  for (const plugin of plugins) {
    if (plugin.metadata.type !== 'cli/v1') continue;
    const name = cliCommandName(plugin.metadata);
    const owner = taken.get(name);
    if (reserved.has(name) || owner !== undefined) {
      const m = plugin.metadata;
      const why =
        owner === undefined
          ? `${JSON.stringify(name)} is a built-in helm command`
          : `the plugin at ${JSON.stringify(owner.dir)} already provides it`;
      conflicts.push({
        dir: plugin.dir,
        name: m.name,
        type: m.type,
        apiVersion: m.apiVersion,
        ...(m.version === '' ? {} : { version: m.version }),
        issues: [
          {
            code: CLI_HOST_CODES.nameConflict,
            message: `plugin ${JSON.stringify(m.name)} cannot be the command "helm ${name}": ${why}`,
            path: cliCommandConfig(m).usage === '' ? ['name'] : ['config', 'usage'],
          },
        ],
      });
      continue;
    }
    taken.set(name, plugin);
    commands.push({ name, plugin });
  }
  return { commands, conflicts };
}
