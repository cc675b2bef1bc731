import type { CliCommand } from '@helm4/plugin-type-cli/host';
import { cliCommandConfig, cliShortHelp, cliUsage } from '@helm4/plugin-type-cli/host';

/** The rows of the PLUGIN COMMANDS section of `helm --help`: name and short help (Helm's `Short`). */
export function pluginCommandRows(commands: readonly CliCommand[]): [string, string][] {
  return [...commands]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c) => [c.name, cliShortHelp(c.plugin.metadata)]);
}

/** `helm help <plugin>`: short help, long help, usage, and where the plugin comes from. */
export function renderPluginHelp(command: CliCommand, bin: string): string {
  const meta = command.plugin.metadata;
  const config = cliCommandConfig(meta);
  const long = config.longHelp.trim();
  const about = long === '' ? cliShortHelp(meta) : `${cliShortHelp(meta)}\n\n${long}`;
  const args = config.ignoreFlags
    ? 'The plugin receives no arguments (ignoreFlags).'
    : "Arguments go to the plugin unchanged, except Helm's global flags (--namespace/-n, --kube-context, --debug, …),\nwhich set the plugin's HELM_* environment instead. `--help` goes to the plugin too.";
  return `${about}

USAGE
  $ ${bin} ${cliUsage(meta)}

PLUGIN
  name     ${meta.name}
  version  ${meta.version || '(none)'}
  type     ${meta.type} (${meta.apiVersion}, runtime ${meta.runtime})
  dir      ${command.plugin.dir}

${args}
`;
}

/** One stderr line per cli plugin that got no command because its name is taken. */
export function renderConflictWarnings(
  conflicts: readonly { dir: string; issues: { message: string; code: string }[] }[],
): string {
  return conflicts.map((q) => `WARNING: ${q.issues.map((i) => `${i.message} [${i.code}]`).join('; ')}\n`).join('');
}
