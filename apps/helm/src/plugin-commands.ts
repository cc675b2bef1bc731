import path from 'node:path';
import type { LoadedPlugin, QuarantinedPlugin } from '@helm4/manifest/loader';
import { findPlugins } from '@helm4/manifest/loader';
import { type ResolvedCliCommands, resolveCliCommands } from '@helm4/plugin-type-cli/commands';
import { type HelmSettings, pluginDirs } from '@helm4/settings';
import { RESERVED_COMMAND_NAMES } from './cli/builtins.js';
import { loadRegistry, registryFingerprint } from './registry.js';

export interface PluginCommands extends ResolvedCliCommands {
  /** Every loaded cli/v1 plugin, those without a command (conflicts) included. */
  plugins: LoadedPlugin[];
  /** cli/v1 plugins that could not be loaded at all (for warnings). */
  broken: QuarantinedPlugin[];
}

/** The plugin index cache shared by `helm plugin list` and plugin dispatch. */
export function pluginIndexFile(settings: Pick<HelmSettings, 'cacheHome'>): string {
  return path.join(settings.cacheHome, 'plugin-index.json');
}

/**
 * The cli/v1 plugins on HELM_PLUGINS as `helm <name>` commands (none with HELM_NO_PLUGINS=1), through the plugin
 * index cache: with a warm cache no plugin.yaml is parsed and neither yaml nor zod is imported.
 */
export async function discoverPluginCommands(
  settings: Pick<HelmSettings, 'pluginsDirectory' | 'cacheHome' | 'noPlugins'>,
): Promise<PluginCommands> {
  if (settings.noPlugins) return { commands: [], conflicts: [], plugins: [], broken: [] };
  const found = await findPlugins(
    pluginDirs(settings),
    { type: 'cli/v1' },
    {
      registry: loadRegistry,
      registryFingerprint: registryFingerprint(),
      cacheFile: pluginIndexFile(settings),
    },
  );
  return {
    ...resolveCliCommands(found.plugins, RESERVED_COMMAND_NAMES),
    plugins: found.plugins,
    broken: found.quarantined,
  };
}
