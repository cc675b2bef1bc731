import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PluginRegistry } from '@helm4/manifest';
import type { KeyringKey } from '@helm4/provenance';
import { distError } from '../codes.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { parsePluginManifest } from '../package/load-plugin.js';
import { readTarballManifest } from '../tarball/read-tarball.js';
import { loadSigningKey, type SigningKeyOptions } from './signing-key.js';

export interface SignedTarball {
  tarball: string;
  /** `<tarball>.prov`. */
  prov: string;
  name: string;
  version: string;
  /** The signing key's fingerprint (uppercase hex) and user ids. */
  fingerprint: string;
  signedBy: string[];
}

export interface SignPluginOptions {
  /** A plugin tarball (`.tgz` / `.tar.gz`). */
  tarball: string;
  signing?: SigningKeyOptions;
  registry: () => Promise<PluginRegistry>;
}

/** A `.tgz` / `.gz` file name, as Helm's IsTarball checks it. */
export function isTarballName(file: string): boolean {
  const ext = path.extname(file);
  return ext === '.tgz' || ext === '.gz';
}

async function assertTarballFile(tarball: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(tarball);
  } catch (cause) {
    throw distError('DIST_SOURCE_NOT_FOUND', `${tarball}: no such file`, { cause, details: { path: tarball } });
  }
  if (info.isDirectory() || !isTarballName(tarball)) {
    throw distError('DIST_NOT_A_TARBALL', `${tarball} is not a plugin tarball (.tgz or .tar.gz)`, {
      hint: info.isDirectory()
        ? 'directories cannot be verified or signed: package it first with `helm plugin package DIR`'
        : 'plugin tarballs end in .tgz or .tar.gz',
      details: { path: tarball },
    });
  }
}

/** Helm's SignPlugin with an unlocked key: the plugin.yaml inside the tarball is what the `.prov` describes. */
export async function signTarballWithKey(
  tarball: string,
  key: KeyringKey,
  registry: PluginRegistry,
): Promise<SignedTarball> {
  const manifest = await readTarballManifest(tarball);
  if (manifest === undefined) {
    throw distError('DIST_TARBALL_NO_MANIFEST', `plugin.yaml not found in ${tarball}`, {
      hint: 'only plugin tarballs made by `helm plugin package` can be signed',
      details: { path: tarball },
    });
  }
  const metadata = await parsePluginManifest(manifest.text, tarball, registry);
  let bytes: Buffer;
  try {
    bytes = await readFile(tarball);
  } catch (cause) {
    throw distError('DIST_READ_FAILED', `cannot read ${tarball}`, { cause, details: { path: tarball } });
  }
  const { signProvenance } = await import('@helm4/provenance');
  const text = await signProvenance({ metadata, files: { [path.basename(tarball)]: bytes }, key });
  const prov = `${tarball}.prov`;
  await writeFileAtomic(prov, text);
  return {
    tarball,
    prov,
    name: metadata.name,
    version: metadata.version,
    fingerprint: key.fingerprint,
    signedBy: [...key.userIds],
  };
}

/**
 * `helm plugin sign TGZ`: writes `TGZ.prov` exactly as `helm plugin package --sign` would for that tarball
 * (the HIP's `helm plugin sign`, which Helm 4 never shipped).
 */
export async function signPluginTarball(options: SignPluginOptions): Promise<SignedTarball> {
  await assertTarballFile(options.tarball);
  const registry = await options.registry();
  const key = await loadSigningKey(options.signing ?? {});
  return signTarballWithKey(options.tarball, key, registry);
}

export { assertTarballFile };
