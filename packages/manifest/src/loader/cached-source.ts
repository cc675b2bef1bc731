import type { BigIntStats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PluginSource } from '../load/find-core.js';
import { listPluginDirs, statKey } from '../load/list-dirs.js';
import type { PluginOutcome } from '../load/outcome.js';
import { READ_CODES } from '../load/read-manifest.js';
import type { PluginRegistry } from '../registry.js';
import { type CachedResult, type PluginIndex, readIndex, writeIndex } from './index-file.js';

export interface CachedLoadOptions {
  /** Loads the registry of plugin types and runtimes; called only when some plugin.yaml must be parsed. */
  registry: () => Promise<PluginRegistry>;
  /** The registry's fingerprint (without loading it); a cache written under another fingerprint is ignored. */
  registryFingerprint: string;
  /** The plugin index cache file. Without it every plugin.yaml is parsed. */
  cacheFile?: string;
}

/**
 * A plugin.yaml modified this recently is not cached: a later edit within the same timestamp tick and with
 * the same size would leave its stat unchanged (git's "racily clean" problem).
 */
const RACY_WINDOW_NS = 2_000_000_000n;

type Parser = typeof import('../load/inspect.js');

export interface CachedSource extends PluginSource {
  /** Writes the index if anything changed, dropping entries of scanned base dirs that are gone. Never throws. */
  flush(): Promise<void>;
}

export async function openCachedSource(opts: CachedLoadOptions): Promise<CachedSource> {
  const { cacheFile, registryFingerprint: fingerprint } = opts;
  const index: PluginIndex = cacheFile === undefined ? { entries: new Map() } : await readIndex(cacheFile, fingerprint);
  const scannedBases = new Set<string>();
  const seen = new Set<string>();
  let changed = false;

  let registryPromise: Promise<PluginRegistry> | undefined;
  const registry = () => {
    registryPromise ??= opts.registry().then((r) => {
      const types = typeMap(r);
      if (JSON.stringify(types) !== JSON.stringify(index.types)) {
        index.types = types;
        changed = true;
      }
      return r;
    });
    return registryPromise;
  };
  let parserPromise: Promise<Parser> | undefined;
  const parser = () => (parserPromise ??= import('../load/inspect.js'));

  async function loadOne(dir: string, stat: BigIntStats | undefined): Promise<PluginOutcome> {
    seen.add(dir);
    const key = stat === undefined ? undefined : statKey(stat);
    const cached = index.entries.get(dir);
    if (cached !== undefined && cached.stat === key) return fromCache(dir, cached.result);
    const [{ inspectPluginDir }, reg] = await Promise.all([parser(), registry()]);
    const outcome = await inspectPluginDir(dir, reg);
    const result = toCache(outcome);
    if (key !== undefined && stat !== undefined && result !== undefined && !isRacy(stat)) {
      index.entries.set(dir, { stat: key, result });
      changed = true;
    } else if (cached !== undefined) {
      index.entries.delete(dir);
      changed = true;
    }
    return outcome;
  }

  return {
    async loadBase(baseDir) {
      const base = resolve(baseDir);
      scannedBases.add(base);
      const entries = await listPluginDirs(base);
      return Promise.all(entries.map((e) => loadOne(e.dir, 'stat' in e ? e.stat : undefined)));
    },
    async canonicalType(name) {
      const { types } = index;
      if (registryPromise === undefined && types !== undefined) {
        return (Object.hasOwn(types, name) ? types[name] : undefined) ?? name;
      }
      return (await registry()).type(name)?.type ?? name;
    },
    async flush() {
      for (const dir of index.entries.keys()) {
        if (!seen.has(dir) && scannedBases.has(dirname(dir))) {
          index.entries.delete(dir);
          changed = true;
        }
      }
      if (changed && cacheFile !== undefined) await writeIndex(cacheFile, fingerprint, index);
      changed = false;
    },
  };
}

function fromCache(dir: string, result: CachedResult): PluginOutcome {
  if ('metadata' in result) return { loaded: { dir, metadata: result.metadata } };
  return { quarantined: { dir, ...result.partial, issues: result.issues } };
}

function toCache(outcome: PluginOutcome): CachedResult | undefined {
  if ('loaded' in outcome) return { metadata: outcome.loaded.metadata };
  const { dir: _dir, issues, ...partial } = outcome.quarantined;
  return issues.some((i) => READ_CODES.has(i.code)) ? undefined : { issues, partial };
}

function isRacy(stat: BigIntStats): boolean {
  return stat.mtimeNs > BigInt(Date.now()) * 1_000_000n - RACY_WINDOW_NS;
}

function typeMap(registry: PluginRegistry): Record<string, string> {
  const pairs: [string, string][] = [];
  for (const name of registry.typeNames()) {
    const def = registry.type(name);
    if (def === undefined) continue;
    pairs.push([def.type, def.type], ...(def.aliases ?? []).map((alias): [string, string] => [alias, def.type]));
  }
  return Object.fromEntries(pairs);
}
