import { lstat, mkdir, readFile, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { distError, SKIP_VERIFY_HINT } from '../codes.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { redactUrl } from '../http/client.js';
import { pluginTarballName } from '../tarball/plugin-file-name.js';
import { fetchPlugin, type StagedPlugin } from './fetch-plugin.js';
import { findInstalled } from './find-installed.js';
import { helmInstallName } from './helm-install-name.js';
import { runPluginHook } from './hooks.js';
import { type InstallLayout, installLayout } from './layout.js';
import { lockPlugin } from './lock.js';
import type { FetchOptions, InstallPluginOptions, InstallPluginResult, PluginOperationOptions } from './options.js';
import { type ClassifiedSource, classifySource } from './source.js';
import { keyIdsOf, type SignatureRecord, type SourceRecord, writeSourceRecord } from './source-record.js';
import { alreadyInstalled, commitNew, commitReplace, createStaging, recoverStaging, type Staging } from './staging.js';

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** Whether this source is checked, per Helm's rules; throws for a source that cannot be and must be. */
export function verificationPlan(
  source: ClassifiedSource,
  options: Pick<FetchOptions, 'verify' | 'allowInsecure'>,
  print: (line: string) => void,
): { verify: boolean; skipped: boolean } {
  if (source.kind === 'local-dir') {
    print('Installing plugin from local directory (development mode)');
    return { verify: false, skipped: false };
  }
  const skip = options.verify === false || options.allowInsecure === true;
  if (skip) {
    print(
      options.allowInsecure === true
        ? `WARNING: Skipping plugin signature verification (--allow-insecure-plugins): the provenance of ${redactUrl(source.location)} is not checked`
        : 'WARNING: Skipping plugin signature verification',
    );
    return { verify: false, skipped: true };
  }
  if (!source.archive) {
    throw distError(
      'DIST_VERIFY_UNSUPPORTED',
      'plugin source does not support verification. Use --verify=false to skip verification',
      {
        hint: `${source.kind === 'git' ? 'git repositories carry no .prov' : 'only .tgz URLs can be verified'}; ${SKIP_VERIFY_HINT}`,
        details: { source: redactUrl(source.location), kind: source.kind },
      },
    );
  }
  print('Verifying plugin signature...');
  return { verify: true, skipped: false };
}

/** Keeps `<name>-<version>.tgz` (+ `.prov`) in $HELM_DATA_HOME/plugins, where `plugin list` reads provenance. */
async function keepArchive(layout: InstallLayout, staged: StagedPlugin, previousVersion?: string): Promise<void> {
  const { name, version } = staged.plugin.metadata;
  const tarball = path.join(layout.dataPluginsDir, pluginTarballName(name, version));
  if (previousVersion !== undefined && previousVersion !== version) {
    const old = path.join(layout.dataPluginsDir, pluginTarballName(name, previousVersion));
    await rm(old, { force: true });
    await rm(`${old}.prov`, { force: true });
  }
  if (staged.archive === undefined) return;
  await mkdir(layout.dataPluginsDir, { recursive: true, mode: 0o755 });
  await writeFileAtomic(tarball, await readFile(staged.archive));
  if (staged.prov !== undefined) await writeFileAtomic(`${tarball}.prov`, staged.prov);
  else await rm(`${tarball}.prov`, { force: true });
}

/** A local directory is linked ("local dev"): a symlink made beside and renamed into place. */
async function stageLink(staging: Staging, target: string): Promise<string> {
  const link = path.join(staging.dir, 'link');
  await symlink(target, link, 'dir');
  return link;
}

export interface CommitContext {
  layout: InstallLayout;
  source: ClassifiedSource;
  staged: StagedPlugin;
  staging: Staging;
  mode: 'install' | 'update';
  /** update: the installed plugin's directory and version. */
  existing?: { dir: string; version: string };
  verified: boolean;
  options: FetchOptions;
}

/** Puts a staged plugin in place under its lock, then records where it came from. */
export async function commitStaged(ctx: CommitContext, opts: PluginOperationOptions): Promise<string> {
  const { layout, staged, staging } = ctx;
  const { name } = staged.plugin.metadata;
  const target = ctx.existing?.dir ?? path.join(layout.pluginsDir, name);
  const lock = await lockPlugin(layout.locksDir, name, opts.lock);
  try {
    await recoverStaging(layout);
    const present = await exists(target);
    const from = ctx.source.kind === 'local-dir' ? await stageLink(staging, staged.root) : staged.root;
    if (ctx.mode === 'install' || !present) {
      if (present) throw alreadyInstalled(name, target);
      // Helm names some install directories after the source (`repo.git`): the name may be taken by another
      // directory of this plugins directory, and two plugins of one name there quarantine each other.
      const other = await findInstalled(name, opts, layout.pluginsDir).catch(() => undefined);
      if (other !== undefined) throw alreadyInstalled(name, other.dir);
      await commitNew(from, target, name);
    } else {
      await commitReplace(staging, from, target, name);
    }
    await keepArchive(layout, staged, ctx.existing?.version);
    const record: SourceRecord = {
      schemaVersion: 1,
      name,
      kind: ctx.source.kind,
      source: ctx.source.location,
      version: ctx.options.version ?? '',
      verified: ctx.verified,
      ...(ctx.options.keyring === undefined ? {} : { keyring: path.resolve(ctx.options.keyring) }),
      dir: path.resolve(target),
      ...signatureOf(staged),
      ...(staged.resolved === undefined ? {} : { resolved: staged.resolved }),
      ...transportOf(ctx.options),
      installedAt: new Date().toISOString(),
    };
    await writeSourceRecord(layout.sourcesDir, record);
    return target;
  } finally {
    await lock.release();
  }
}

/** What a verified install or update checked, for `plugin list` (SIGNED, `--json`). */
function signatureOf(staged: StagedPlugin): { signature?: SignatureRecord } {
  const v = staged.verification;
  if (v === undefined) return {};
  return {
    signature: {
      version: staged.plugin.metadata.version,
      fingerprint: v.fingerprint,
      keyId: keyIdsOf(v.fingerprint).keyId,
      signedBy: [...v.signedBy],
      hash: v.hash,
      filename: v.filename,
    },
  };
}

function transportOf(options: FetchOptions): Pick<SourceRecord, 'transport'> {
  const t = {
    ...(options.plainHttp ? { plainHttp: true } : {}),
    ...(options.tls?.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
    ...(options.tls?.caFile ? { caFile: path.resolve(options.tls.caFile) } : {}),
    ...(options.tls?.certFile ? { certFile: path.resolve(options.tls.certFile) } : {}),
    ...(options.tls?.keyFile ? { keyFile: path.resolve(options.tls.keyFile) } : {}),
  };
  return Object.keys(t).length === 0 ? {} : { transport: t };
}

export function printVerification(
  result: { verification?: InstallPluginResult['verification'] },
  print: (l: string) => void,
) {
  const v = result.verification;
  if (v === undefined) return;
  for (const id of v.signedBy) print(`Signed by: ${id}`);
  print(`Using Key With Fingerprint: ${v.fingerprint}`);
  print(`Plugin Hash Verified: ${v.hash}`);
}

/**
 * `helm plugin install SRC`: a local directory (linked, "local dev"), a local .tgz (+ .prov beside it), an
 * http(s) URL of a .tgz (+ URL.prov), a git repository, or oci://host/repo:tag. Verified by default (Helm's
 * rules); fetched and unpacked in a staging directory next to the plugins, then renamed into place under a
 * per-plugin lock; the `install` hook runs after, never for a plugin that failed verification.
 */
export async function installPlugin(options: InstallPluginOptions): Promise<InstallPluginResult> {
  const print = options.print ?? (() => {});
  const layout = installLayout(options.settings);
  const source = await classifySource(options.source, options.tls);
  const plan = verificationPlan(source, options, print);
  // Helm refuses a plugin directory that exists before it fetches or verifies anything (a second install of a
  // tarball says so, not that the keyring is missing). Checked again under the lock, by plugin name.
  const helmName = helmInstallName(source);
  if (helmName !== undefined && (await exists(path.join(layout.pluginsDir, helmName)))) {
    throw alreadyInstalled(helmName, path.join(layout.pluginsDir, helmName));
  }
  try {
    await mkdir(layout.pluginsDir, { recursive: true, mode: 0o755 });
  } catch (cause) {
    throw distError('DIST_INSTALL_FAILED', `cannot create ${layout.pluginsDir}`, { cause });
  }
  await recoverStaging(layout);
  const staging = await createStaging(layout);
  let target: string;
  let staged: StagedPlugin;
  try {
    staged = await fetchPlugin(source, staging, plan.verify, options);
    target = await commitStaged(
      { layout, source, staged, staging, mode: 'install', verified: plan.verify, options },
      options,
    );
  } finally {
    await staging.remove();
  }
  const result: InstallPluginResult = {
    name: staged.plugin.metadata.name,
    version: staged.plugin.metadata.version,
    dir: target,
    kind: source.kind,
    source: source.location,
    verificationSkipped: plan.skipped,
    ...(staged.verification === undefined ? {} : { verification: staged.verification }),
    ...(staged.resolved === undefined ? {} : { resolved: staged.resolved }),
  };
  printVerification(result, print);
  await runPluginHook({ dir: target, metadata: staged.plugin.metadata }, 'install', options);
  print(`Installed plugin: ${result.name}`);
  return result;
}
