import type { PluginRegistry } from '../registry.js';
import type { LoadedPlugin, LoadResult, PluginDescriptor } from '../types.js';
import { findPluginsWith, findPluginWith, loadAllWith, type PluginSource } from './find-core.js';
import { inspectPluginDir } from './inspect.js';
import { listPluginDirs } from './list-dirs.js';

export interface LoadOptions {
  registry: PluginRegistry;
}

function directSource(registry: PluginRegistry): PluginSource {
  return {
    async loadBase(baseDir) {
      const entries = await listPluginDirs(baseDir);
      // An entry whose plugin.yaml could not be stat'ed fails again on reading, and is quarantined then.
      return Promise.all(entries.map((e) => inspectPluginDir(e.dir, registry)));
    },
    canonicalType: async (name) => registry.type(name)?.type ?? name,
  };
}

/**
 * Helm's `LoadAllDir`: every `<baseDir>/*\/plugin.yaml`, in directory-name order. Never throws for one bad
 * plugin: it is quarantined with its issues, as are all plugins claiming the same name.
 */
export function loadAllPluginDirs(baseDir: string, opts: LoadOptions): Promise<LoadResult> {
  return loadAllWith(directSource(opts.registry), baseDir);
}

/**
 * Helm's `FindPlugins` over a plugin path: plugins of all `dirs` in order (a name found in an earlier directory
 * shadows later ones), filtered by exact name and type (canonical, or an alias of it). Quarantined plugins whose
 * known name/type match the filter are kept.
 */
export function findPlugins(
  dirs: readonly string[],
  descriptor: PluginDescriptor,
  opts: LoadOptions,
): Promise<LoadResult> {
  return findPluginsWith(directSource(opts.registry), dirs, descriptor);
}

/** Helm's `FindPlugin`: the first match, else MANIFEST_PLUGIN_NOT_FOUND. */
export function findPlugin(
  dirs: readonly string[],
  descriptor: PluginDescriptor,
  opts: LoadOptions,
): Promise<LoadedPlugin> {
  return findPluginWith(directSource(opts.registry), dirs, descriptor);
}
