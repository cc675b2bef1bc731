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

/** SHA-256 of a file, streamed, as hex. */
export async function sha256File(file: string): Promise<string> {
  // Loaded only when a kept tarball must be hashed: most `plugin list` runs never need node:crypto.
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The PROVENANCE status, with the kept tarball's `sha256:<hex>` when it was hashed to get it. */
export interface SigningInfo {
  status: ProvenanceStatus;
  tarballHash?: string;
}

/**
 * Helm's GetPluginSigningInfo: looks at `<data>/plugins/<name>` (not HELM_PLUGINS) and at the tarball and
 * `.prov` kept there at install time. Like Helm, the signature itself is not checked against a keyring here.
 */
export async function signingInfo(dataPluginsDir: string, name: string, version: string): Promise<SigningInfo> {
  const pluginDir = path.join(dataPluginsDir, name);
  // Synchronous stats: `plugin list` does this for every plugin, and the thread pool round trip dominates.
  const info = lstatSync(pluginDir, { throwIfNoEntry: false });
  if (info === undefined) return { status: 'unknown' };
  if (info.isSymbolicLink()) return { status: 'local dev' };
  const tarball = path.join(dataPluginsDir, `${name}-${version}.tgz`);
  const prov = `${tarball}.prov`;
  if (!existsSync(tarball) || !existsSync(prov)) return { status: 'unsigned' };
  const text = clearsignedText(await readFile(prov, 'utf8').catch(() => ''));
  if (text === undefined) return { status: 'invalid provenance' };
  const tarballHash = `sha256:${await sha256File(tarball)}`;
  const base = path.basename(tarball);
  for (const [file, sum] of provenanceFiles(text)) {
    if (file.includes(base) && sum === tarballHash) return { status: 'signed', tarballHash };
  }
  return { status: 'mismatched provenance', tarballHash };
}

/** Helm's PROVENANCE column value for a plugin (see signingInfo). */
export async function provenanceStatus(
  dataPluginsDir: string,
  name: string,
  version: string,
): Promise<ProvenanceStatus> {
  return (await signingInfo(dataPluginsDir, name, version)).status;
}
