import { createHash } from 'node:crypto';
import path from 'node:path';
import { distError } from '../codes.js';
import { readBody } from '../http/client.js';
import { DEFAULT_MAX_DOWNLOAD_BYTES, saveBody } from '../http/download.js';
import type { ProgressReporter } from '../progress/progress.js';
import { manifestReference, type OciReference, pluginNameOf } from './reference.js';
import { RegistryClient, registryError } from './registry-client.js';

export const PLUGIN_ARTIFACT_TYPE = 'application/vnd.helm.plugin.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const LAYER_TYPES = ['application/vnd.oci.image.layer.v1.tar', 'application/vnd.oci.image.layer.v1.tar+gzip'];
export const TITLE = 'org.opencontainers.image.title';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

interface Manifest {
  schemaVersion?: number;
  mediaType?: string;
  artifactType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
}

export interface PulledPlugin {
  /** The plugin tarball, saved in the staging directory. */
  archive: string;
  /** Its layer title, `<name>-<version>.tgz`. */
  title: string;
  prov?: Buffer;
  provTitle?: string;
  /** The manifest digest. */
  digest: string;
}

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function mismatch(what: string, expected: string, actual: string) {
  return distError('DIST_OCI_DIGEST_MISMATCH', `${what} does not match its digest: ${expected} != ${actual}`, {
    hint: 'the registry sent something else than the manifest describes; do not install it',
    details: { expected, actual },
  });
}

/**
 * Helm's PullPlugin: the manifest must be an OCI image manifest of artifactType
 * `application/vnd.helm.plugin.v1+json` (or, without artifactType, that config media type); the plugin is the
 * first tar layer titled `<name>-*.tgz`, the provenance the first titled `<name>-*.tgz.prov`, `<name>` being
 * the repository's last path segment. Every blob is checked against its digest and size.
 */
export async function pullPlugin(
  client: RegistryClient,
  ref: OciReference,
  stagingDir: string,
  options: { progress?: ProgressReporter | undefined; maxBytes?: number } = {},
): Promise<PulledPlugin> {
  const scope = RegistryClient.scope(ref.repository, 'pull');
  const reference = manifestReference(ref);
  const where = `oci://${ref.registry}/${ref.repository}:${reference}`;
  const res = await client.fetch(`${ref.repository}/manifests/${reference}`, {
    scope,
    headers: { Accept: `${OCI_MANIFEST}, application/vnd.oci.image.index.v1+json;q=0.5` },
  });
  const body = await readBody(res, 4 * 1024 * 1024);
  if (res.status !== 200) throw registryError(res, `cannot get the manifest of ${where}`, body);
  const digest = sha256(body);
  if (ref.digest !== undefined && ref.digest !== digest) throw mismatch(`the manifest of ${where}`, ref.digest, digest);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(body.toString('utf8')) as Manifest;
  } catch (cause) {
    throw distError('DIST_OCI_NOT_A_PLUGIN', `the manifest of ${where} is not JSON`, { cause });
  }
  const mediaType = manifest.mediaType ?? String(res.headers['content-type'] ?? '');
  if (mediaType !== OCI_MANIFEST) {
    throw distError('DIST_OCI_NOT_A_PLUGIN', `${where} is not an OCI image manifest (${mediaType})`, {
      hint: 'push plugins with `helm plugin push`, or `oras push --artifact-type application/vnd.helm.plugin.v1+json`',
      details: { mediaType },
    });
  }
  const artifactType = manifest.artifactType ?? '';
  if (
    artifactType !== '' ? artifactType !== PLUGIN_ARTIFACT_TYPE : manifest.config?.mediaType !== PLUGIN_ARTIFACT_TYPE
  ) {
    throw distError(
      'DIST_OCI_NOT_A_PLUGIN',
      `expected artifact type ${PLUGIN_ARTIFACT_TYPE}, got ${artifactType || manifest.config?.mediaType || '(none)'}`,
      {
        hint: 'this OCI artifact is not a Helm plugin (a chart? use `helm pull`)',
        details: { artifactType, configMediaType: manifest.config?.mediaType },
      },
    );
  }
  const name = pluginNameOf(ref);
  const layers = (manifest.layers ?? []).filter((l) => LAYER_TYPES.includes(l.mediaType));
  const titled = (suffix: string) =>
    layers.find((l) => {
      const title = l.annotations?.[TITLE];
      return (title?.startsWith(`${name}-`) ?? false) && (title?.endsWith(suffix) ?? false);
    });
  const pluginLayer = titled('.tgz');
  if (pluginLayer === undefined) {
    throw distError(
      'DIST_OCI_LAYER_NOT_FOUND',
      `required layer matching pattern ${name}-VERSION.tgz not found in manifest of ${where}`,
      {
        hint: 'the repository name must be the plugin name, and the tarball layer titled <name>-<version>.tgz',
        details: { layers: layers.map((l) => l.annotations?.[TITLE]) },
      },
    );
  }
  const provLayer = titled('.tgz.prov');

  const blob = async (d: Descriptor) => {
    if (!/^sha256:[a-f0-9]{64}$/.test(d.digest)) {
      throw distError('DIST_OCI_NOT_A_PLUGIN', `unsupported layer digest ${d.digest}`, {
        details: { digest: d.digest },
      });
    }
    const r = await client.fetch(`${ref.repository}/blobs/${d.digest}`, { scope });
    if (r.status !== 200) throw registryError(r, `cannot get blob ${d.digest} of ${where}`, await readBody(r, 65536));
    return r;
  };

  const title = pluginLayer.annotations?.[TITLE] ?? '';
  const archive = path.join(stagingDir, 'plugin.tgz');
  const saved = await saveBody(await blob(pluginLayer), archive, {
    progress: options.progress,
    label: title,
    maxBytes: Math.min(options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES, Math.max(0, pluginLayer.size)),
  });
  if (`sha256:${saved.sha256}` !== pluginLayer.digest || saved.size !== pluginLayer.size) {
    throw mismatch(title, pluginLayer.digest, `sha256:${saved.sha256}`);
  }
  const result: PulledPlugin = { archive, title, digest };
  if (provLayer !== undefined) {
    const prov = await readBody(await blob(provLayer), 1024 * 1024);
    if (sha256(prov) !== provLayer.digest)
      throw mismatch(provLayer.annotations?.[TITLE] ?? 'prov', provLayer.digest, sha256(prov));
    result.prov = prov;
    result.provTitle = provLayer.annotations?.[TITLE] ?? '';
  }
  return result;
}
