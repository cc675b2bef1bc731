import { resolve } from 'node:path';
import { Helm4Error, isHelm4Error } from '@helm4/errors';
import { parseManifest } from '../parse/parse-manifest.js';
import type { PluginRegistry } from '../registry.js';
import type { LoadedPlugin } from '../types.js';
import type { PluginOutcome } from './outcome.js';
import { readManifest } from './read-manifest.js';

/** Reads and parses one plugin directory; every failure becomes a quarantined outcome. */
export async function inspectPluginDir(dir: string, registry: PluginRegistry): Promise<PluginOutcome> {
  let text: string;
  try {
    text = await readManifest(dir);
  } catch (err) {
    if (!isHelm4Error(err)) throw err;
    return { quarantined: { dir, issues: [{ code: err.code, message: err.message, path: [] }] } };
  }
  return outcomeFromText(dir, text, registry);
}

export function outcomeFromText(dir: string, text: string, registry: PluginRegistry): PluginOutcome {
  const { metadata, issues, partial } = parseManifest(text, registry);
  if (metadata !== undefined) return { loaded: { dir, metadata } };
  return { quarantined: { dir, ...partial, issues } };
}

/**
 * Helm's `LoadDir`: loads `<dir>/plugin.yaml`. Throws MANIFEST_NOT_FOUND / MANIFEST_READ_FAILED, or for an
 * invalid manifest a Helm4Error whose code is the first issue's and whose `details.issues` holds them all.
 */
export async function loadPluginDir(dir: string, opts: { registry: PluginRegistry }): Promise<LoadedPlugin> {
  const abs = resolve(dir);
  const outcome = outcomeFromText(abs, await readManifest(abs), opts.registry);
  if ('loaded' in outcome) return outcome.loaded;
  const { issues } = outcome.quarantined;
  const first = issues[0];
  throw new Helm4Error(
    first?.code ?? 'MANIFEST_INVALID_FIELD',
    `failed to load plugin ${JSON.stringify(abs)}: ${issues.map((i) => i.message).join('; ')}`,
    { details: { dir: abs, issues } },
  );
}
