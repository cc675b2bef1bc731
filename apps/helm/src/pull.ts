import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Helm4Error, wrapError } from '@helm4/errors';
import { findPlugins } from '@helm4/manifest/loader';
import { fetchWithGetters } from '@helm4/plugin-type-getter';
import { type Env, helmEnvVars, loadSettings, pluginDirs, type SettingsOverrides } from '@helm4/settings';
import { helmBin } from './env.js';
import { pluginIndexFile } from './plugin-commands.js';
import { loadRegistry, registryFingerprint } from './registry.js';
import { createPluginInstance, withRuntimes } from './runtimes.js';

export interface PullOptions {
  /** Where the chart archive is written (`-d`); must exist, as in Helm. */
  destination: string;
  /** Extract the archive instead of keeping it (`--untar`). */
  untar: boolean;
  /** With untar: the directory the chart is expanded into, relative to `destination` unless absolute. */
  untardir: string;
  /** Loads the `tar` package (injectable for tests); `undefined` when it is not installed. */
  loadTar?: () => Promise<TarModule | undefined>;
}

export interface PullResult {
  ref: string;
  /** The archive written (without --untar) or the chart directory created (with --untar). */
  path: string;
  bytes: number;
}

/** The part of the `tar` npm package used for --untar. */
export interface TarModule {
  x(options: { file: string; cwd: string; strict?: boolean }): Promise<void>;
}

/**
 * `helm pull <url>…`: each chart URL is fetched through Helm's getters (built-in http/https first, then the
 * getter/v1 plugins on HELM_PLUGINS by scheme) and written to `<destination>/<basename of the URL path>`,
 * or, with --untar, expanded into `<destination>/<untardir>`.
 */
export function pullCharts(
  refs: readonly string[],
  opts: PullOptions,
  env: Env = process.env,
  overrides: SettingsOverrides = {},
): Promise<PullResult[]> {
  return withRuntimes(() => pull(refs, opts, env, overrides));
}

async function pull(
  refs: readonly string[],
  opts: PullOptions,
  env: Env,
  overrides: SettingsOverrides,
): Promise<PullResult[]> {
  const settings = loadSettings(env, overrides);
  await requireDirectory(opts.destination);
  const tar = opts.untar ? await requireTar(opts.loadTar ?? loadTarPackage) : undefined;
  const found = await findPlugins(
    pluginDirs(settings),
    { type: 'getter/v1' },
    { registry: loadRegistry, registryFingerprint: registryFingerprint(), cacheFile: pluginIndexFile(settings) },
  );
  const results: PullResult[] = [];
  for (const ref of refs) {
    const name = archiveName(ref);
    const data = await fetchWithGetters(ref, {
      plugins: found.plugins,
      instantiate: createPluginInstance,
      env: helmEnvVars(settings, helmBin()),
    });
    if (tar === undefined) {
      const file = path.join(opts.destination, name);
      await atomicWrite(file, data);
      results.push({ ref, path: file, bytes: data.byteLength });
    } else {
      const into = path.isAbsolute(opts.untardir) ? opts.untardir : path.join(opts.destination, opts.untardir);
      results.push({ ref, path: await untar(tar, data, name, into), bytes: data.byteLength });
    }
  }
  return results;
}

/** The file name Helm gives a chart URL: the last element of its (decoded) path. Only absolute URLs are taken. */
export function archiveName(ref: string): string {
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    throw notAUrl(ref);
  }
  const base = path.posix.basename(url.pathname);
  if (url.host === '' || base === '' || base === '.' || base === '..') throw notAUrl(ref);
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

function notAUrl(ref: string): Helm4Error {
  return new Helm4Error('CLI_PULL_NOT_A_URL', `cannot pull ${JSON.stringify(ref)}: not an absolute chart URL`, {
    hint: 'give the chart URL, e.g. https://example.com/charts/mychart-0.1.0.tgz (repo/chart references need chart repositories, which this helm does not implement)',
    details: { ref },
  });
}

async function requireDirectory(dir: string): Promise<void> {
  const s = await stat(dir).catch(() => undefined);
  if (s?.isDirectory() !== true) {
    throw new Helm4Error('CLI_PULL_DEST_MISSING', `destination ${JSON.stringify(dir)} is not a directory`, {
      hint: 'create it first (helm pull does not create the destination)',
      details: { destination: dir },
    });
  }
}

/** Helm's fileutil.AtomicWriteFile: a temporary file in the same directory, renamed over the target. */
async function atomicWrite(file: string, data: Uint8Array): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data, { mode: 0o644 });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw wrapError('CLI_PULL_WRITE_FAILED', `cannot write ${file}`, err);
  }
}

async function loadTarPackage(): Promise<TarModule | undefined> {
  const specifier = 'tar';
  try {
    return (await import(specifier)) as TarModule;
  } catch {
    return undefined;
  }
}

/**
 * Expands a downloaded chart archive into `into`: extracted in a scratch directory inside `into` first, then
 * each top-level entry (the chart directory) moved into place, refusing to replace an existing one.
 */
async function requireTar(loadTar: () => Promise<TarModule | undefined>): Promise<TarModule> {
  const tar = await loadTar();
  if (tar === undefined) {
    throw new Helm4Error('CLI_UNTAR_UNAVAILABLE', 'cannot untar: the tar package is not installed', {
      hint: 'run `pnpm add tar` in apps/helm, or pull without --untar and extract the archive yourself',
    });
  }
  return tar;
}

async function untar(tar: TarModule, data: Uint8Array, name: string, into: string): Promise<string> {
  await mkdir(into, { recursive: true });
  const scratch = await mkdtemp(path.join(into, '.helm-untar-'));
  try {
    const archive = path.join(scratch, name);
    await writeFile(archive, data);
    const out = path.join(scratch, 'out');
    await mkdir(out);
    try {
      await tar.x({ file: archive, cwd: out, strict: true });
    } catch (err) {
      throw wrapError('CLI_UNTAR_FAILED', `cannot untar ${name}`, err);
    }
    const entries = await readdir(out);
    if (entries.length === 0) throw new Helm4Error('CLI_UNTAR_FAILED', `cannot untar ${name}: the archive is empty`);
    for (const entry of entries) {
      if (await stat(path.join(into, entry)).catch(() => undefined)) {
        throw new Helm4Error(
          'CLI_PULL_UNTAR_EXISTS',
          `failed to untar: a file or directory with the name ${path.join(into, entry)} already exists`,
          { hint: 'remove it, or choose another --untardir', details: { path: path.join(into, entry) } },
        );
      }
    }
    for (const entry of entries) await rename(path.join(out, entry), path.join(into, entry));
    return path.join(into, entries[0] as string);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
