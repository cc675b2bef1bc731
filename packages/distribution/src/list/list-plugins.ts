import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ManifestIssue, PluginRegistry } from '@helm4/manifest';
import { findPlugins } from '@helm4/manifest/loader';
import { type HelmSettings, pluginDirs } from '@helm4/settings';
import { layoutFor } from '../install/layout.js';
import { keyIdsOf, readSourceRecordSync, type SourceRecord } from '../install/source-record.js';
import { type ProvenanceStatus, type SigningInfo, signingInfo } from '../provenance-status/signing-info.js';

/** Who signed an installed plugin, as checked when it was installed or updated (never re-checked here). */
export interface PluginSignature {
  /** Long key id: 16 hex digits. */
  keyId: string;
  /** Short key id: the long id's last 8 hex digits (the HIP's SIGNED column). */
  shortKeyId: string;
  /** Uppercase hex. */
  fingerprint: string;
  /** The signing key's identities. */
  signedBy: string[];
  /** `sha256:<hex>` of the archive that was verified. */
  hash: string;
}

export interface PluginListEntry {
  name: string;
  version: string;
  type: string;
  apiVersion: string;
  provenance: ProvenanceStatus;
  /** sourceURL from plugin.yaml, '' when absent (the table shows `unknown`). */
  sourceURL: string;
  dir: string;
  /** Present for a plugin this helm installed from a signed archive whose signature it verified. */
  signature?: PluginSignature;
}

export interface QuarantinedListEntry {
  dir: string;
  name?: string;
  version?: string;
  type?: string;
  apiVersion?: string;
  issues: ManifestIssue[];
}

export interface PluginList {
  plugins: PluginListEntry[];
  quarantined: QuarantinedListEntry[];
}

export interface ListPluginsOptions {
  settings: Pick<HelmSettings, 'pluginsDirectory' | 'dataHome' | 'cacheHome'>;
  /** Exact type filter (`--type`); HIP long names are accepted too. */
  type?: string;
  /** The plugin types and runtimes; only loaded when a plugin.yaml has to be parsed. */
  registry: () => Promise<PluginRegistry>;
  registryFingerprint: string;
  /** Plugin index cache; default `<cache home>/plugin-index.json`. `false` disables it. */
  cacheFile?: string | false;
}

/**
 * An install or update killed between its two renames left the old plugin in `<plugins>/.helm4/staging`:
 * put it back before listing (one stat per plugins directory when there is nothing to do).
 */
async function recoverInterrupted(settings: ListPluginsOptions['settings']): Promise<void> {
  for (const dir of pluginDirs(settings)) {
    const layout = layoutFor(path.resolve(dir), settings);
    if (!existsSync(layout.stagingDir)) continue;
    // Rare: loaded only when there is something to put back (keeps `plugin list` start-up lean).
    const { recoverStaging } = await import('../install/staging.js');
    await recoverStaging(layout);
  }
}

/** `helm plugin list`: every plugin on HELM_PLUGINS with Helm's provenance status, plus the quarantined ones. */
export async function listPlugins(opts: ListPluginsOptions): Promise<PluginList> {
  const { settings } = opts;
  await recoverInterrupted(settings);
  const cacheFile =
    opts.cacheFile === false ? undefined : (opts.cacheFile ?? path.join(settings.cacheHome, 'plugin-index.json'));
  const found = await findPlugins(pluginDirs(settings), opts.type === undefined ? {} : { type: opts.type }, {
    registry: opts.registry,
    registryFingerprint: opts.registryFingerprint,
    ...(cacheFile === undefined ? {} : { cacheFile }),
  });
  const dataPlugins = path.join(settings.dataHome, 'plugins');
  // Install records live in `<plugins dir>/.helm4/sources`; most directories have none (plugins Helm installed).
  const sourcesDirs = new Map<string, string | undefined>();
  const sourcesDirOf = (pluginDir: string): string | undefined => {
    const base = path.resolve(path.dirname(pluginDir));
    if (!sourcesDirs.has(base)) {
      const sources = layoutFor(base, settings).sourcesDir;
      sourcesDirs.set(base, existsSync(sources) ? sources : undefined);
    }
    return sourcesDirs.get(base);
  };
  const plugins = await Promise.all(
    found.plugins.map(async ({ dir, metadata: m }): Promise<PluginListEntry> => {
      const info = await signingInfo(dataPlugins, m.name, m.version);
      const sources = sourcesDirOf(dir);
      const record = sources === undefined ? undefined : readSourceRecordSync(sources, m.name);
      const signature = recordedSignature(record, m.version, dir, info);
      return {
        name: m.name,
        version: m.version,
        type: m.type,
        apiVersion: m.apiVersion,
        provenance: info.status,
        sourceURL: m.sourceURL,
        dir,
        ...(signature === undefined ? {} : { signature }),
      };
    }),
  );
  return { plugins, quarantined: found.quarantined.map((q) => ({ ...q })) };
}

/**
 * The signature recorded when this plugin was installed, if the record still describes what is installed: same
 * version and directory, and, where the archive was kept beside the plugin (`$HELM_DATA_HOME/plugins`), the
 * kept archive is still the one that was verified (another tool may have reinstalled the plugin since).
 */
function recordedSignature(
  record: SourceRecord | undefined,
  version: string,
  dir: string,
  info: SigningInfo,
): PluginSignature | undefined {
  const sig = record?.signature;
  if (sig === undefined || sig.version !== version) return undefined;
  if (record?.dir !== undefined && record.dir !== path.resolve(dir)) return undefined;
  // 'unknown': the plugin is not in $HELM_DATA_HOME/plugins (HELM_PLUGINS points elsewhere), nothing to compare.
  // Otherwise the kept archive must be the verified one. Its PROVENANCE may still read `mismatched provenance`:
  // Helm's check wants the kept `<name>-<version>.tgz` name in the .prov, which a `latest.tgz` URL never has.
  const kept = info.status === 'unknown' || info.tarballHash === sig.hash;
  if (!kept) return undefined;
  const { keyId, shortKeyId } = keyIdsOf(sig.fingerprint);
  return { keyId, shortKeyId, fingerprint: sig.fingerprint, signedBy: [...sig.signedBy], hash: sig.hash };
}
