import { listPlugins, type PluginList } from '@helm4/distribution/list';
import { loadSettings, type SettingsOverrides } from '@helm4/settings';
import { debugLine } from './debug-log.js';
import { discoverPluginCommands, pluginIndexFile } from './plugin-commands.js';
import type { PluginListFlags } from './plugin-list-flags.js';
import { loadRegistry, registryFingerprint } from './registry.js';
import { renderPluginTable, renderQuarantineWarnings } from './render/plugin-list.js';

export type { PluginListFlags } from './plugin-list-flags.js';

/**
 * `helm plugin list`: the distribution's list, where a cli/v1 plugin whose command name is taken (a built-in, or
 * an earlier plugin) is moved to the quarantined ones with CLI_PLUGIN_NAME_CONFLICT. With `--debug` /
 * `HELM_DEBUG`, Helm's `level=DEBUG msg=pluginDirs directory=…` line goes to stderr first.
 */
export async function runPluginList(
  flags: PluginListFlags,
  env = process.env,
  overrides: SettingsOverrides = {},
): Promise<PluginList> {
  const settings = loadSettings(env, overrides);
  if (settings.debug) process.stderr.write(debugLine('pluginDirs', { directory: settings.pluginsDirectory }));
  const list = await listPlugins({
    settings,
    ...(flags.type ? { type: flags.type } : {}),
    registry: loadRegistry,
    registryFingerprint: registryFingerprint(),
    cacheFile: pluginIndexFile(settings),
  });
  if (!list.plugins.some((p) => p.type === 'cli/v1')) return list;
  const { conflicts } = await discoverPluginCommands({ ...settings, noPlugins: false });
  if (conflicts.length === 0) return list;
  const conflicting = new Set(conflicts.map((q) => q.dir));
  return {
    plugins: list.plugins.filter((p) => !conflicting.has(p.dir)),
    quarantined: [...list.quarantined, ...conflicts.filter((q) => list.plugins.some((p) => p.dir === q.dir))],
  };
}

export function printPluginList(list: PluginList, flags: PluginListFlags): void {
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  process.stdout.write(renderPluginTable(list, { wide: flags.wide === true }));
  process.stderr.write(renderQuarantineWarnings(list));
}
