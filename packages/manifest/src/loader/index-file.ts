import { readFileSync } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ManifestIssue, ManifestPartial, PluginMetadata } from '../types.js';

/*
 * The plugin index cache file. Plain JSON read and written with node:fs only: this module is on the CLI's
 * hot path and must not pull in the YAML parser or zod.
 */

export const INDEX_FORMAT = 1;

/** A plugin directory's parse outcome; fs failures are never cached. */
export type CachedResult = { metadata: PluginMetadata } | { issues: ManifestIssue[]; partial: ManifestPartial };

export interface IndexEntry {
  /** `<dev>:<ino>:<size>:<mtimeNs>:<ctimeNs>` of `<dir>/plugin.yaml` (see statKey). */
  stat: string;
  result: CachedResult;
}

export interface PluginIndex {
  /** Every type name and alias of the registry → its canonical name, to resolve a type filter without it. */
  types?: Record<string, string>;
  /** Absolute plugin directory → entry. */
  entries: Map<string, IndexEntry>;
}

interface IndexFile {
  format: typeof INDEX_FORMAT;
  fingerprint: string;
  types?: Record<string, string>;
  entries: Record<string, IndexEntry>;
}

/** Reads the index; a missing, unreadable, corrupt or foreign (other format or fingerprint) file is empty. */
export async function readIndex(file: string, fingerprint: string): Promise<PluginIndex> {
  const empty: PluginIndex = { entries: new Map() };
  let data: unknown;
  try {
    // Sync: fs/promises readFile costs several ms more for one small file on this hot path.
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return empty;
  }
  if (!isObject(data) || data['format'] !== INDEX_FORMAT || data['fingerprint'] !== fingerprint) return empty;
  const entries = data['entries'];
  if (!isObject(entries)) return empty;
  const index: PluginIndex = { entries: new Map() };
  const types = data['types'];
  if (isObject(types) && Object.values(types).every((v) => typeof v === 'string')) {
    index.types = types as Record<string, string>;
  }
  for (const [dir, entry] of Object.entries(entries)) if (isEntry(entry)) index.entries.set(dir, entry);
  return index;
}

/** Writes atomically (temp file in the same directory, then rename). Failures are ignored: it is a cache. */
export async function writeIndex(file: string, fingerprint: string, index: PluginIndex): Promise<void> {
  const data: IndexFile = {
    format: INDEX_FORMAT,
    fingerprint,
    ...(index.types === undefined ? {} : { types: index.types }),
    entries: Object.fromEntries(index.entries),
  };
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, JSON.stringify(data), { mode: 0o644 });
    await rename(tmp, file);
  } catch {
    await unlink(tmp).catch(() => undefined);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isString = (v: unknown): v is string => typeof v === 'string';

function isEntry(v: unknown): v is IndexEntry {
  if (!isObject(v) || !isString(v['stat']) || !isObject(v['result'])) return false;
  const r = v['result'];
  if ('metadata' in r) return isMetadata(r['metadata']);
  return Array.isArray(r['issues']) && r['issues'].every(isIssue) && isObject(r['partial']);
}

function isMetadata(v: unknown): v is PluginMetadata {
  return (
    isObject(v) &&
    (v['apiVersion'] === 'v1' || v['apiVersion'] === 'legacy') &&
    ['name', 'type', 'runtime', 'version', 'sourceURL'].every((k) => isString(v[k])) &&
    isObject(v['config']) &&
    isObject(v['runtimeConfig'])
  );
}

function isIssue(v: unknown): v is ManifestIssue {
  return isObject(v) && isString(v['code']) && isString(v['message']) && Array.isArray(v['path']);
}
