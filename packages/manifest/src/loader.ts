/**
 * `@helm4/manifest/loader`: finding plugins on the CLI's hot path. It statically imports neither `yaml` nor
 * `zod` (about 150 ms together); plugin.yaml files are parsed, and the registry loaded, only for plugins whose
 * entry in the plugin index cache is missing or stale.
 */
import { findPluginsWith, findPluginWith, loadAllWith, type PluginSource } from './load/find-core.js';
import { type CachedLoadOptions, openCachedSource } from './loader/cached-source.js';
import type { LoadedPlugin, LoadResult, PluginDescriptor } from './types.js';

export type { CachedLoadOptions } from './loader/cached-source.js';
export type { PluginRegistry } from './registry.js';
export type { PlatformCommand, SubprocessProtocolCommand, SubprocessRuntimeConfig } from './subprocess-types.js';
export type {
  LoadedPlugin,
  LoadResult,
  ManifestIssue,
  PluginDescriptor,
  PluginMetadata,
  QuarantinedPlugin,
} from './types.js';

async function withIndex<T>(opts: CachedLoadOptions, run: (source: PluginSource) => Promise<T>): Promise<T> {
  const source = await openCachedSource(opts);
  try {
    return await run(source);
  } finally {
    await source.flush();
  }
}

/** `loadAllPluginDirs` of `@helm4/manifest`, over the plugin index cache. */
export function loadAllPluginDirs(baseDir: string, opts: CachedLoadOptions): Promise<LoadResult> {
  return withIndex(opts, (source) => loadAllWith(source, baseDir));
}

/** `findPlugins` of `@helm4/manifest`, over the plugin index cache. */
export function findPlugins(
  dirs: readonly string[],
  descriptor: PluginDescriptor,
  opts: CachedLoadOptions,
): Promise<LoadResult> {
  return withIndex(opts, (source) => findPluginsWith(source, dirs, descriptor));
}

/** `findPlugin` of `@helm4/manifest`, over the plugin index cache. */
export function findPlugin(
  dirs: readonly string[],
  descriptor: PluginDescriptor,
  opts: CachedLoadOptions,
): Promise<LoadedPlugin> {
  return withIndex(opts, (source) => findPluginWith(source, dirs, descriptor));
}
