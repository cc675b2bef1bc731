import { copyFile, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedPlugin, PluginRegistry } from '@helm4/manifest';
import { distError, errnoOf, SKIP_VERIFY_HINT } from '../codes.js';
import { cloneAndCheckout } from '../git/git.js';
import { readBody, redactUrl, request, statusError } from '../http/client.js';
import { saveBody } from '../http/download.js';
import { pullPlugin } from '../oci/pull-plugin.js';
import { parseOciReference } from '../oci/reference.js';
import { RegistryClient } from '../oci/registry-client.js';
import { loadPluginDirectory, parsePluginManifest } from '../package/load-plugin.js';
import { wasmLayoutWarnings } from '../package/wasm-layout.js';
import { assertSafeName, pluginTarballName } from '../tarball/plugin-file-name.js';
import { extractTarball, readTarballManifest } from '../tarball/read-tarball.js';
import { type VerificationReport, verifyArchive } from '../verify/verify-tarball.js';
import type { FetchOptions, PluginOperationOptions } from './options.js';
import type { ClassifiedSource } from './source.js';
import type { Staging } from './staging.js';

/** A plugin fetched, verified (when asked) and unpacked into staging, not yet in place. */
export interface StagedPlugin {
  /** The plugin's directory inside staging (for a local directory: the directory itself). */
  root: string;
  plugin: LoadedPlugin;
  /** The archive as downloaded, and its provenance: kept in $HELM_DATA_HOME/plugins after install. */
  archive?: string;
  prov?: Buffer;
  verification?: VerificationReport;
  resolved?: { commit?: string; ref?: string; digest?: string; sha256?: string };
}

interface Artifact {
  archive: string;
  prov?: Buffer;
  /** The name the .prov lists the archive under. */
  filename: string;
  resolved?: StagedPlugin['resolved'];
}

async function fetchLocalArchive(file: string, staging: Staging): Promise<Artifact> {
  const archive = path.join(staging.dir, 'plugin.tgz');
  try {
    await copyFile(file, archive);
  } catch (cause) {
    throw distError('DIST_READ_FAILED', `cannot read ${file}`, { cause, details: { path: file } });
  }
  let prov: Buffer | undefined;
  try {
    prov = await readFile(`${file}.prov`);
  } catch (cause) {
    if (errnoOf(cause) !== 'ENOENT') {
      throw distError('DIST_READ_FAILED', `failed to access provenance file ${file}.prov`, { cause });
    }
  }
  return { archive, filename: path.basename(file), ...(prov === undefined ? {} : { prov }) };
}

async function fetchHttp(url: string, staging: Staging, options: FetchOptions, verify: boolean): Promise<Artifact> {
  const common = {
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    ...(options.limits?.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.limits.idleTimeoutMs }),
  };
  const res = await request(url, common);
  if (res.status !== 200) throw statusError(res, 'cannot download');
  const archive = path.join(staging.dir, 'plugin.tgz');
  const filename = path.posix.basename(decodeURIComponent(new URL(url).pathname));
  await saveBody(res, archive, {
    progress: options.progress,
    label: filename,
    ...(options.limits?.maxDownloadBytes === undefined ? {} : { maxBytes: options.limits.maxDownloadBytes }),
  });
  let prov: Buffer | undefined;
  try {
    const provRes = await request(`${url}.prov`, common);
    if (provRes.status === 200) prov = await readBody(provRes, 1024 * 1024);
    else if (provRes.status === 404 || provRes.status === 410 || !verify) provRes.body.resume();
    else throw statusError(provRes, 'cannot download');
  } catch (err) {
    if (verify) throw err;
  }
  return { archive, filename, ...(prov === undefined ? {} : { prov }) };
}

async function fetchOci(
  source: string,
  staging: Staging,
  options: FetchOptions & { registryConfig?: string | undefined },
  registry: PluginRegistry,
): Promise<Artifact> {
  let ref = parseOciReference(source);
  if (options.version && ref.tag === undefined && ref.digest === undefined) ref = { ...ref, tag: options.version };
  const client = new RegistryClient(ref.registry, {
    ...(options.plainHttp === undefined ? {} : { plainHttp: options.plainHttp }),
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    ...(options.username === undefined ? {} : { username: options.username }),
    ...(options.password === undefined ? {} : { password: options.password }),
    ...(options.registryConfig === undefined ? {} : { registryConfig: options.registryConfig }),
    ...(options.limits?.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.limits.idleTimeoutMs }),
  });
  const pulled = await pullPlugin(client, ref, staging.dir, {
    progress: options.progress,
    ...(options.limits?.maxDownloadBytes === undefined ? {} : { maxBytes: options.limits.maxDownloadBytes }),
  });
  // Helm verifies an OCI plugin under <name>-<version>.tgz from the plugin.yaml inside.
  const manifest = await readTarballManifest(pulled.archive);
  if (manifest === undefined) {
    throw distError('DIST_TARBALL_NO_MANIFEST', `plugin.yaml not found in the plugin layer of ${source}`, {
      details: { source },
    });
  }
  const metadata = await parsePluginManifest(manifest.text, source, registry);
  return {
    archive: pulled.archive,
    filename: pluginTarballName(metadata.name, metadata.version),
    ...(pulled.prov === undefined ? {} : { prov: pulled.prov }),
    resolved: { digest: pulled.digest },
  };
}

/** The plugin directory of an unpacked archive: its top, or the first subdirectory holding a plugin.yaml. */
async function findPluginRoot(tree: string, source: string): Promise<string> {
  const isPlugin = (dir: string) =>
    stat(path.join(dir, 'plugin.yaml')).then(
      (s) => s.isFile(),
      () => false,
    );
  if (await isPlugin(tree)) return tree;
  const entries = (await readdir(tree, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  entries.sort();
  for (const entry of entries) {
    if (await isPlugin(path.join(tree, entry))) return path.join(tree, entry);
  }
  throw distError('DIST_TARBALL_LAYOUT', `plugin metadata (plugin.yaml) missing in ${source}`, {
    hint: 'a plugin archive holds <name>/plugin.yaml (`helm plugin package` makes one)',
    details: { source },
  });
}

function verificationFailed(cause: unknown) {
  const inner = cause as { code?: string; message?: string; hint?: string };
  return distError('DIST_VERIFICATION_FAILED', `plugin verification failed: ${inner.message ?? String(cause)}`, {
    cause,
    hint: `${inner.hint ? `${inner.hint}; or ` : ''}${SKIP_VERIFY_HINT} (not recommended)`,
    details: { reason: inner.code },
  });
}

/**
 * Fetches a plugin from its source into `staging`, checks its signature when `verify` is set (a missing
 * .prov is an error, CVE-2026-35205), unpacks it safely and loads its plugin.yaml. Nothing outside the
 * staging directory is touched.
 */
export async function fetchPlugin(
  source: ClassifiedSource,
  staging: Staging,
  verify: boolean,
  options: FetchOptions & PluginOperationOptions,
): Promise<StagedPlugin> {
  const staged = await fetchAndLoad(source, staging, verify, options);
  // What Helm's loader refuses after installing ("plugin is installed but unusable"), refused before: an
  // extism/v1 plugin without its Wasm module.
  const { metadata } = staged.plugin;
  await wasmLayoutWarnings(staged.root, metadata, source.kind === 'local-dir' ? source.location : metadata.name);
  return staged;
}

async function fetchAndLoad(
  source: ClassifiedSource,
  staging: Staging,
  verify: boolean,
  options: FetchOptions & PluginOperationOptions,
): Promise<StagedPlugin> {
  const registry = await options.registry();
  if (source.kind === 'local-dir') {
    const plugin = await loadPluginDirectory(source.location, registry);
    assertSafeName(plugin.metadata.name);
    pluginTarballName(plugin.metadata.name, plugin.metadata.version);
    return { root: source.location, plugin };
  }
  if (source.kind === 'git') {
    const repo = path.join(staging.dir, 'repo');
    const checkout = await cloneAndCheckout(source.location, repo, options.version ?? '');
    const plugin = await loadPluginDirectory(repo, registry);
    assertSafeName(plugin.metadata.name);
    pluginTarballName(plugin.metadata.name, plugin.metadata.version);
    return { root: repo, plugin, resolved: { commit: checkout.commit, ref: checkout.ref } };
  }

  const artifact =
    source.kind === 'local-archive'
      ? await fetchLocalArchive(source.location, staging)
      : source.kind === 'http'
        ? await fetchHttp(source.location, staging, options, verify)
        : await fetchOci(
            source.location,
            staging,
            { ...options, registryConfig: options.settings.registryConfig },
            registry,
          );

  let verification: VerificationReport | undefined;
  if (verify) {
    if (artifact.prov === undefined || artifact.prov.length === 0) {
      throw distError('DIST_PROV_NOT_FOUND', 'plugin verification failed: no provenance file (.prov) found', {
        hint: `the publisher did not sign it; ${SKIP_VERIFY_HINT} (not recommended)`,
        details: { source: redactUrl(source.location) },
      });
    }
    try {
      verification = await verifyArchive({
        archive: artifact.archive,
        filename: artifact.filename,
        prov: artifact.prov,
        ...(options.keyring === undefined ? {} : { keyring: options.keyring }),
        ...(options.env === undefined ? {} : { env: options.env }),
      });
    } catch (cause) {
      throw verificationFailed(cause);
    }
  }

  const tree = path.join(staging.dir, 'tree');
  await extractTarball(artifact.archive, tree, options.limits?.tar ?? {});
  const root = await findPluginRoot(tree, redactUrl(source.location));
  const plugin = await loadPluginDirectory(root, registry);
  assertSafeName(plugin.metadata.name);
  pluginTarballName(plugin.metadata.name, plugin.metadata.version);
  const sha = verification?.hash.replace(/^sha256:/, '');
  const resolved = { ...artifact.resolved, ...(sha === undefined ? {} : { sha256: sha }) };
  return {
    root,
    plugin,
    archive: artifact.archive,
    ...(artifact.prov === undefined ? {} : { prov: artifact.prov }),
    ...(verification === undefined ? {} : { verification }),
    ...(Object.keys(resolved).length === 0 ? {} : { resolved }),
  };
}
