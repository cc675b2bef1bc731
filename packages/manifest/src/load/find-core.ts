import { Helm4Error } from '@helm4/errors';
import type { LoadedPlugin, LoadResult, PluginDescriptor } from '../types.js';
import { quarantineDuplicateNames, quarantineShadowed } from './duplicates.js';
import { type PluginOutcome, toLoadResult } from './outcome.js';

/**
 * How plugins are obtained: per base directory, the per-plugin outcomes in Helm's order; and the canonical
 * name of a type filter (which may be an alias). Implemented directly (./load.ts) and over the plugin index
 * cache (../loader.ts). Nothing here imports the YAML parser.
 */
export interface PluginSource {
  loadBase(baseDir: string): Promise<PluginOutcome[]>;
  canonicalType(name: string): Promise<string>;
}

export async function loadAllWith(source: PluginSource, baseDir: string): Promise<LoadResult> {
  return toLoadResult(quarantineDuplicateNames(await source.loadBase(baseDir)));
}

export async function findPluginsWith(
  source: PluginSource,
  dirs: readonly string[],
  descriptor: PluginDescriptor,
): Promise<LoadResult> {
  const perDir: PluginOutcome[][] = [];
  for (const dir of dirs) perDir.push(quarantineDuplicateNames(await source.loadBase(dir)));
  const all = toLoadResult(quarantineShadowed(perDir));
  // As in Helm's Descriptor, an empty field means "any".
  const name = descriptor.name || undefined;
  const wantType = descriptor.type || undefined;
  if (name === undefined && wantType === undefined) return all;
  const type = wantType === undefined || isEmpty(all) ? wantType : await source.canonicalType(wantType);
  const matches = (value: string | undefined, want: string | undefined) =>
    want === undefined || (value !== undefined && value === want);
  return {
    plugins: all.plugins.filter((p) => matches(p.metadata.name, name) && matches(p.metadata.type, type)),
    quarantined: all.quarantined.filter((q) => matches(q.name, name) && matches(q.type, type)),
  };
}

export async function findPluginWith(
  source: PluginSource,
  dirs: readonly string[],
  descriptor: PluginDescriptor,
): Promise<LoadedPlugin> {
  const found = await findPluginsWith(source, dirs, descriptor);
  const first = found.plugins[0];
  if (first !== undefined) return first;
  const broken = found.quarantined[0];
  throw new Helm4Error(
    'MANIFEST_PLUGIN_NOT_FOUND',
    `plugin: {Name:${descriptor.name ?? ''} Type:${descriptor.type ?? ''}} not found`,
    {
      details: { descriptor, quarantined: found.quarantined },
      ...(broken === undefined
        ? {}
        : {
            hint: `the plugin at ${JSON.stringify(broken.dir)} is unusable: ${broken.issues.map((i) => i.message).join('; ')}`,
          }),
    },
  );
}

function isEmpty(r: LoadResult): boolean {
  return r.plugins.length === 0 && r.quarantined.length === 0;
}
