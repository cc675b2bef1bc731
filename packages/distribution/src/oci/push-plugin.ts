import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PluginRegistry } from '@helm4/manifest';
import { distError, errnoOf } from '../codes.js';
import { readBody } from '../http/client.js';
import { parsePluginManifest } from '../package/load-plugin.js';
import { assertTarballFile } from '../sign/sign-tarball.js';
import { pluginTarballName } from '../tarball/plugin-file-name.js';
import { readTarballManifest } from '../tarball/read-tarball.js';
import { type Descriptor, LAYER_TYPES, OCI_MANIFEST, PLUGIN_ARTIFACT_TYPE, TITLE } from './pull-plugin.js';
import { formatReference, type OciReference, parseOciReference, pluginNameOf } from './reference.js';
import { RegistryClient, type RegistryOptions, registryError } from './registry-client.js';

export const EMPTY_CONFIG = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
};

export interface PushPluginOptions extends RegistryOptions {
  tarball: string;
  /** `oci://host/path/<plugin name>[:tag]`; the tag defaults to the plugin version. */
  reference: string;
  registry: () => Promise<PluginRegistry>;
}

export interface PushPluginResult {
  reference: string;
  digest: string;
  name: string;
  version: string;
  /** Whether a `.prov` was pushed with it. */
  signed: boolean;
  layers: { title: string; digest: string; size: number }[];
}

const sha256 = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function uploadBlob(client: RegistryClient, repository: string, data: Uint8Array, digest: string) {
  const scope = RegistryClient.scope(repository, 'pull,push');
  const head = await client.fetch(`${repository}/blobs/${digest}`, { method: 'HEAD', scope });
  head.body.resume();
  if (head.status === 200) return;
  const start = await client.fetch(`${repository}/blobs/uploads/`, {
    method: 'POST',
    scope,
    headers: { 'Content-Length': '0' },
  });
  const startBody = await readBody(start, 65536);
  const location = start.headers.location;
  if (start.status !== 202 || location === undefined) {
    throw registryError(start, `cannot start a blob upload to ${repository}`, startBody);
  }
  const url = new URL(location, `${client.base}/`);
  url.searchParams.set('digest', digest);
  const put = await client.fetch(url.href, {
    method: 'PUT',
    scope,
    body: data,
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(data.length) },
  });
  const putBody = await readBody(put, 65536);
  if (put.status !== 201) throw registryError(put, `cannot upload blob ${digest} to ${repository}`, putBody);
}

/**
 * `helm plugin push TGZ oci://…` (the HIP's roadmap item Helm 4 never shipped): uploads the tarball and its
 * `.prov` as the artifact Helm's `plugin install oci://` reads, as `oras push --artifact-type
 * application/vnd.helm.plugin.v1+json NAME-VERSION.tgz NAME-VERSION.tgz.prov` would.
 */
export async function pushPlugin(options: PushPluginOptions): Promise<PushPluginResult> {
  await assertTarballFile(options.tarball);
  const parsed = parseOciReference(options.reference);
  const manifestText = await readTarballManifest(options.tarball);
  if (manifestText === undefined) {
    throw distError('DIST_TARBALL_NO_MANIFEST', `plugin.yaml not found in ${options.tarball}`, {
      details: { path: options.tarball },
    });
  }
  const metadata = await parsePluginManifest(manifestText.text, options.tarball, await options.registry());
  const title = pluginTarballName(metadata.name, metadata.version);
  if (pluginNameOf(parsed) !== metadata.name) {
    throw distError(
      'DIST_OCI_REFERENCE_INVALID',
      `the repository must end in the plugin name ${JSON.stringify(metadata.name)}, not ${JSON.stringify(pluginNameOf(parsed))}`,
      {
        hint: `Helm finds the plugin by the last path segment: push to oci://${parsed.registry}/…/${metadata.name}`,
        details: { reference: options.reference, plugin: metadata.name },
      },
    );
  }
  const ref: OciReference =
    parsed.tag === undefined && parsed.digest === undefined
      ? { ...parsed, tag: metadata.version.replaceAll('+', '_') }
      : parsed;
  if (ref.digest !== undefined) {
    throw distError('DIST_OCI_REFERENCE_INVALID', 'push to a tag, not a digest', {
      details: { reference: options.reference },
    });
  }

  const tarball = await readFile(options.tarball);
  let prov: Buffer | undefined;
  try {
    prov = await readFile(`${options.tarball}.prov`);
  } catch (cause) {
    if (errnoOf(cause) !== 'ENOENT') {
      throw distError('DIST_READ_FAILED', `cannot read ${options.tarball}.prov`, { cause });
    }
  }
  if (prov !== undefined && path.basename(options.tarball) !== title) {
    throw distError(
      'DIST_OPTIONS_INVALID',
      `${path.basename(options.tarball)} must be named ${title}: its .prov is checked under that name on install`,
      { hint: `rename it (and its .prov) to ${title}`, details: { tarball: options.tarball, expected: title } },
    );
  }

  const client = new RegistryClient(ref.registry, options);
  const layerType = LAYER_TYPES[0] ?? 'application/vnd.oci.image.layer.v1.tar';
  const files: [string, Buffer][] = [[title, tarball]];
  if (prov !== undefined) files.push([`${title}.prov`, prov]);
  const layers: Descriptor[] = [];
  await uploadBlob(client, ref.repository, Buffer.from('{}'), EMPTY_CONFIG.digest);
  for (const [name, data] of files) {
    const digest = sha256(data);
    await uploadBlob(client, ref.repository, data, digest);
    layers.push({ mediaType: layerType, digest, size: data.length, annotations: { [TITLE]: name } });
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: PLUGIN_ARTIFACT_TYPE,
      config: { ...EMPTY_CONFIG, data: 'e30=' },
      layers,
      annotations: { 'org.opencontainers.image.created': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') },
    }),
  );
  const put = await client.fetch(`${ref.repository}/manifests/${ref.tag}`, {
    method: 'PUT',
    scope: RegistryClient.scope(ref.repository, 'pull,push'),
    body: manifest,
    headers: { 'Content-Type': OCI_MANIFEST, 'Content-Length': String(manifest.length) },
  });
  const putBody = await readBody(put, 65536);
  if (put.status !== 201) throw registryError(put, `cannot push the manifest of ${formatReference(ref)}`, putBody);
  return {
    reference: formatReference(ref),
    digest: sha256(manifest),
    name: metadata.name,
    version: metadata.version,
    signed: prov !== undefined,
    layers: layers.map((l) => ({ title: l.annotations?.[TITLE] ?? '', digest: l.digest, size: l.size })),
  };
}
