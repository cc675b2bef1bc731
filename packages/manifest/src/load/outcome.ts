import type { LoadedPlugin, LoadResult, ManifestPartial, QuarantinedPlugin } from '../types.js';

/** What loading one plugin directory gave: a usable plugin, or a quarantined one with its reasons. */
export type PluginOutcome = { loaded: LoadedPlugin } | { quarantined: QuarantinedPlugin };

export function outcomeName(o: PluginOutcome): string | undefined {
  return 'loaded' in o ? o.loaded.metadata.name : o.quarantined.name;
}

export function outcomeDir(o: PluginOutcome): string {
  return 'loaded' in o ? o.loaded.dir : o.quarantined.dir;
}

export function partialOf(o: PluginOutcome): ManifestPartial {
  if ('loaded' in o) {
    const { name, version, type, apiVersion } = o.loaded.metadata;
    return { name, type, apiVersion, ...(version === '' ? {} : { version }) };
  }
  const { dir: _dir, issues: _issues, ...partial } = o.quarantined;
  return partial;
}

export function toLoadResult(outcomes: readonly PluginOutcome[]): LoadResult {
  const result: LoadResult = { plugins: [], quarantined: [] };
  for (const o of outcomes) {
    if ('loaded' in o) result.plugins.push(o.loaded);
    else result.quarantined.push(o.quarantined);
  }
  return result;
}
