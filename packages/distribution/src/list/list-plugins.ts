import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ManifestIssue, PluginRegistry } from '@helm4/manifest';
import { findPlugins } from '@helm4/manifest/loader';
import { type HelmSettings, pluginDirs } from '@helm4/settings';
import { layoutFor } from '../install/layout.js';
import { recoverStaging } from '../install/staging.js';
import { type ProvenanceStatus, provenanceStatus } from '../provenance-status/signing-info.js';

export interface PluginListEntry {
  name: string;
  version: string;
  type: string;
  apiVersion: string;
  provenance: ProvenanceStatus;
  /** sourceURL from plugin.yaml, '' when absent (the table shows `unknown`). */
  sourceURL: string;
  dir: string;
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
    if (existsSync(layout.stagingDir)) await recoverStaging(layout);
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
  const plugins = await Promise.all(
    found.plugins.map(async ({ dir, metadata: m }) => ({
      name: m.name,
      version: m.version,
      type: m.type,
      apiVersion: m.apiVersion,
      provenance: await provenanceStatus(dataPlugins, m.name, m.version),
      sourceURL: m.sourceURL,
      dir,
    })),
  );
  return { plugins, quarantined: found.quarantined.map((q) => ({ ...q })) };
}
