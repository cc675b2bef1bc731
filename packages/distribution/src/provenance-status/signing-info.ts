import { createHash } from 'node:crypto';
import { createReadStream, existsSync, lstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { clearsignedText, provenanceFiles } from './clearsign.js';

/** Helm's PROVENANCE column values. */
export type ProvenanceStatus =
  | 'local dev'
  | 'unsigned'
  | 'signed'
  | 'mismatched provenance'
  | 'invalid provenance'
  | 'unknown';

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Helm's GetPluginSigningInfo: looks at `<data>/plugins/<name>` (not HELM_PLUGINS) and at the tarball and
 * `.prov` kept there at install time. Like Helm, the signature itself is not checked against a keyring here.
 */
export async function provenanceStatus(
  dataPluginsDir: string,
  name: string,
  version: string,
): Promise<ProvenanceStatus> {
  const pluginDir = path.join(dataPluginsDir, name);
  // Synchronous stats: `plugin list` does this for every plugin, and the thread pool round trip dominates.
  const info = lstatSync(pluginDir, { throwIfNoEntry: false });
  if (info === undefined) return 'unknown';
  if (info.isSymbolicLink()) return 'local dev';
  const tarball = path.join(dataPluginsDir, `${name}-${version}.tgz`);
  const prov = `${tarball}.prov`;
  if (!existsSync(tarball) || !existsSync(prov)) return 'unsigned';
  const text = clearsignedText(await readFile(prov, 'utf8').catch(() => ''));
  if (text === undefined) return 'invalid provenance';
  const expected = `sha256:${await sha256File(tarball)}`;
  const base = path.basename(tarball);
  for (const [file, sum] of provenanceFiles(text)) {
    if (file.includes(base) && sum === expected) return 'signed';
  }
  return 'mismatched provenance';
}
