import { lstat, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { distError } from '../codes.js';
import { originUrl } from '../git/git.js';
import { fetchPlugin } from '../install/fetch-plugin.js';
import { findInstalled, forEachName, joinFailures } from '../install/find-installed.js';
import { runPluginHook } from '../install/hooks.js';
import { commitStaged, printVerification, verificationPlan } from '../install/install-plugin.js';
import { type InstallLayout, layoutFor } from '../install/layout.js';
import type { FetchOptions, InstallPluginResult, PluginOperationOptions } from '../install/options.js';
import type { ClassifiedSource } from '../install/source.js';
import { readSourceRecord, type SourceRecord } from '../install/source-record.js';
import { createStaging, recoverStaging } from '../install/staging.js';
import { formatReference, parseOciReference } from '../oci/reference.js';

export interface UpdatePluginsOptions extends PluginOperationOptions, FetchOptions {
  names: readonly string[];
}

export interface UpdatedPlugin extends InstallPluginResult {
  previousVersion: string;
}

export interface UpdatePluginsResult {
  updated: UpdatedPlugin[];
}

/** A plugin installed without a record (by Helm, or before records): a link is local dev, a checkout is git. */
async function inferRecord(name: string, dir: string): Promise<SourceRecord | undefined> {
  const base = { schemaVersion: 1 as const, name, version: '', verified: false, installedAt: '' };
  if ((await lstat(dir)).isSymbolicLink()) {
    return { ...base, kind: 'local-dir', source: path.resolve(path.dirname(dir), await readlink(dir)) };
  }
  const isCheckout = await stat(path.join(dir, '.git')).then(
    () => true,
    () => false,
  );
  const url = isCheckout ? await originUrl(dir) : undefined;
  return url === undefined ? undefined : { ...base, kind: 'git', source: url };
}

/** The source to update from: the recorded one, with `--version` applied (git: ref/constraint; oci: tag). */
function sourceFor(record: SourceRecord, version: string | undefined): { source: ClassifiedSource; version: string } {
  const kind = record.kind;
  if (version !== undefined && version !== '' && kind !== 'git' && kind !== 'oci') {
    throw distError('DIST_OPTIONS_INVALID', `--version does not apply to a plugin installed from ${kind}`, {
      hint: 'reinstall it from the source of the version you want',
      details: { plugin: record.name, kind },
    });
  }
  let location = record.source;
  if (kind === 'oci' && version) {
    const ref = parseOciReference(location);
    location = formatReference({ registry: ref.registry, repository: ref.repository, tag: version });
  }
  return {
    source: { kind, location, archive: kind !== 'git' && kind !== 'local-dir' },
    version: kind === 'git' ? version || record.version : '',
  };
}

async function updateOne(name: string, options: UpdatePluginsOptions): Promise<UpdatedPlugin> {
  const print = options.print ?? (() => {});
  const found = await findInstalled(name, options);
  const layout: InstallLayout = layoutFor(path.dirname(found.dir), options.settings);
  const previousVersion = found.quarantined ? (found.partial.version ?? '') : found.plugin.metadata.version;
  const record = (await readSourceRecord(layout.sourcesDir, name)) ?? (await inferRecord(name, found.dir));
  if (record === undefined) {
    throw distError('DIST_SOURCE_UNKNOWN', `cannot get information about plugin source of ${name}`, {
      hint: `it was not installed by this helm; reinstall it: \`helm plugin uninstall ${name}\`, then \`helm plugin install <source>\``,
      details: { plugin: name, dir: found.dir },
    });
  }
  const { source, version } = sourceFor(record, options.version);
  // Verified the way it was installed, unless told otherwise.
  const verifyFlags = {
    verify: options.verify ?? record.verified,
    ...(options.allowInsecure === undefined ? {} : { allowInsecure: options.allowInsecure }),
  };
  const plan =
    source.kind === 'local-dir' ? { verify: false, skipped: false } : verificationPlan(source, verifyFlags, print);
  const keyring = options.keyring ?? record.keyring;
  const transport = record.transport ?? {};
  const fetchOptions: UpdatePluginsOptions = {
    ...options,
    version,
    ...(keyring === undefined ? {} : { keyring }),
    plainHttp: options.plainHttp ?? transport.plainHttp ?? false,
    tls: {
      ...(transport.caFile === undefined ? {} : { caFile: transport.caFile }),
      ...(transport.certFile === undefined ? {} : { certFile: transport.certFile }),
      ...(transport.keyFile === undefined ? {} : { keyFile: transport.keyFile }),
      ...(transport.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
      ...options.tls,
    },
  };

  await recoverStaging(layout);
  const staging = await createStaging(layout);
  let result: UpdatedPlugin;
  try {
    const staged = await fetchPlugin(source, staging, plan.verify, fetchOptions);
    if (staged.plugin.metadata.name !== name) {
      throw distError(
        'DIST_INVALID_PLUGIN',
        `the source of ${name} now holds plugin ${JSON.stringify(staged.plugin.metadata.name)}`,
        {
          hint: 'install that plugin under its own name instead',
          details: { plugin: name, found: staged.plugin.metadata.name, source: record.source },
        },
      );
    }
    const dir =
      source.kind === 'local-dir'
        ? found.dir
        : await commitStaged(
            {
              layout,
              source,
              staged,
              staging,
              mode: 'update',
              existing: { dir: found.dir, version: previousVersion },
              verified: plan.verify,
              options: fetchOptions,
            },
            options,
          );
    result = {
      name,
      version: staged.plugin.metadata.version,
      previousVersion,
      dir,
      kind: source.kind,
      source: source.location,
      verificationSkipped: plan.skipped,
      ...(staged.verification === undefined ? {} : { verification: staged.verification }),
      ...(staged.resolved === undefined ? {} : { resolved: staged.resolved }),
    };
    printVerification(result, print);
    await runPluginHook({ dir, metadata: staged.plugin.metadata }, 'update', options);
  } finally {
    await staging.remove();
  }
  print(`Updated plugin: ${name}`);
  return result;
}

/**
 * `helm plugin update NAME...` for every source kind (Helm 4 updates git installs only): each plugin is
 * fetched again from where it was installed (recorded at install time; a plugin installed by Helm is updated
 * if it is a link or a git checkout), verified as it was then, and swapped in atomically; then its `update`
 * hook runs.
 */
export async function updatePlugins(options: UpdatePluginsOptions): Promise<UpdatePluginsResult> {
  const { done, failed } = await forEachName(options.names, (name) => updateOne(name, options));
  if (failed.length > 0) throw joinFailures(failed, 'update');
  return { updated: done };
}
