import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PluginRegistry } from '@helm4/manifest';
import { distError } from '../codes.js';
import { streamFileAtomic } from '../fs/atomic.js';
import { sha256File } from '../provenance-status/signing-info.js';
import { type SignedTarball, signTarballWithKey } from '../sign/sign-tarball.js';
import { loadSigningKey, type SigningKeyOptions } from '../sign/signing-key.js';
import { createPluginTarball } from '../tarball/create-plugin-tarball.js';
import { pluginTarballName } from '../tarball/plugin-file-name.js';
import { ARTIFACTHUB_FILE, writeArtifactHubMetadata } from './artifacthub.js';
import { loadPluginDirectory } from './load-plugin.js';
import { wasmLayoutWarnings } from './wasm-layout.js';

export interface PackagePluginOptions {
  /** The plugin directory. */
  dir: string;
  /** `-d/--destination`; default `.`. Created when missing. */
  destination?: string;
  /** `--sign` (default true): also write `<tarball>.prov`. */
  sign?: boolean;
  signing?: SigningKeyOptions;
  registry: () => Promise<PluginRegistry>;
  /** Write `<destination>/artifacthub-pkg.yml` too (default true). */
  artifactHub?: boolean;
  /** `createdAt` of the Artifact Hub metadata; default now. */
  createdAt?: Date;
}

export interface PackagePluginResult {
  name: string;
  version: string;
  /** `<destination>/<name>-<version>.tgz`, as Helm prints it (not resolved). */
  tarball: string;
  /** The `.prov` written, when signed. */
  prov?: string;
  signature?: SignedTarball;
  /** `<destination>/artifacthub-pkg.yml`, when written (HIP-0026 roadmap: plugins on Artifact Hub). */
  artifactHub?: string;
  /** Problems that did not stop packaging, for the author (the CLI prints them as `WARNING: …` on stderr). */
  warnings: string[];
}

/**
 * `helm plugin package`: the directory must hold a valid plugin; with signing, the key is loaded and unlocked
 * before anything is written. The tarball and the `.prov` are written to temporary names and renamed into
 * place, so a failure leaves no partial file.
 */
export async function packagePlugin(options: PackagePluginOptions): Promise<PackagePluginResult> {
  const { dir } = options;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(dir);
  } catch (cause) {
    throw distError('DIST_SOURCE_NOT_FOUND', `${dir}: no such directory`, { cause, details: { path: dir } });
  }
  if (!info.isDirectory()) {
    throw distError('DIST_NOT_A_DIRECTORY', 'plugin package only supports directories, not tarballs', {
      hint: 'to sign an existing tarball, use `helm plugin sign`',
      details: { path: dir },
    });
  }
  const registry = await options.registry();
  const { metadata } = await loadPluginDirectory(dir, registry);
  const warnings = await wasmLayoutWarnings(dir, metadata);
  const destination = options.destination ?? '.';
  const filename = pluginTarballName(metadata.name, metadata.version);
  const sign = options.sign ?? true;
  const key = sign ? await loadSigningKey(options.signing ?? {}) : undefined;

  try {
    await mkdir(destination, { recursive: true, mode: 0o755 });
  } catch (cause) {
    throw distError('DIST_WRITE_FAILED', `cannot create ${destination}`, { cause, details: { path: destination } });
  }
  const tarball = path.join(destination, filename);
  await streamFileAtomic(tarball, (out) => createPluginTarball(dir, metadata.name, out));
  const result: PackagePluginResult = {
    name: metadata.name,
    version: metadata.version,
    tarball,
    warnings,
  };
  if (key !== undefined) {
    const signature = await signTarballWithKey(tarball, key, registry);
    result.prov = signature.prov;
    result.signature = signature;
  }
  if (options.artifactHub !== false) {
    if (metadata.version === '') {
      result.warnings.push(
        `${ARTIFACTHUB_FILE} not written: Artifact Hub requires a version, and plugin.yaml has none (set \`version:\`)`,
      );
    } else {
      result.artifactHub = await writeArtifactHubMetadata(destination, {
        metadata,
        archive: filename,
        digest: `sha256:${await sha256File(tarball)}`,
        createdAt: options.createdAt ?? new Date(),
        ...(result.signature === undefined ? {} : { signature: result.signature }),
      });
    }
  }
  return result;
}
