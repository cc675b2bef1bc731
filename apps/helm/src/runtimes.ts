import { Helm4Error } from '@helm4/errors';
import type { LoadedPlugin } from '@helm4/manifest/loader';
import type { PluginInstance } from '@helm4/runtime';

/**
 * Binds a loaded plugin to its runtime. Runtimes are imported on first use only, so a command that runs no
 * plugin never loads them.
 */
export async function createPluginInstance(plugin: LoadedPlugin): Promise<PluginInstance> {
  const { runtime, name } = plugin.metadata;
  if (runtime === 'subprocess') {
    const { createSubprocessRuntime } = await import('@helm4/legacy-runtime');
    return createSubprocessRuntime().createPlugin(plugin);
  }
  throw new Helm4Error(
    'CLI_RUNTIME_UNAVAILABLE',
    `plugin ${JSON.stringify(name)} needs the ${runtime} runtime, which this helm cannot run yet`,
    {
      hint: 'only runtime: subprocess plugins can be invoked by this build',
      details: { plugin: name, runtime },
    },
  );
}
