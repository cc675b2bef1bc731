import { rm } from 'node:fs/promises';
import path from 'node:path';
import { distError } from '../codes.js';
import { findInstalled, forEachName, joinFailures } from '../install/find-installed.js';
import { runPluginHook } from '../install/hooks.js';
import { layoutFor } from '../install/layout.js';
import { lockPlugin } from '../install/lock.js';
import type { PluginOperationOptions } from '../install/options.js';
import { removeSourceRecord } from '../install/source-record.js';
import { createStaging, recoverStaging, removeInstalled } from '../install/staging.js';
import { pluginTarballName } from '../tarball/plugin-file-name.js';

export interface UninstallPluginsOptions extends PluginOperationOptions {
  names: readonly string[];
}

export interface UninstalledPlugin {
  name: string;
  dir: string;
}

export interface UninstallPluginsResult {
  uninstalled: UninstalledPlugin[];
}

async function uninstallOne(name: string, options: UninstallPluginsOptions): Promise<UninstalledPlugin> {
  const print = options.print ?? (() => {});
  const found = await findInstalled(name, options);
  const layout = layoutFor(path.dirname(found.dir), options.settings);
  const version = found.quarantined ? (found.partial.version ?? '') : found.plugin.metadata.version;
  const lock = await lockPlugin(layout.locksDir, name, options.lock);
  try {
    await recoverStaging(layout);
    const staging = await createStaging(layout);
    try {
      await removeInstalled(staging, found.dir);
    } catch (cause) {
      throw distError(
        'DIST_UNINSTALL_FAILED',
        `failed to uninstall plugin ${name}, got error (${(cause as Error).message})`,
        {
          cause,
          hint: `check the permissions of ${found.dir}`,
          details: { plugin: name, dir: found.dir },
        },
      );
    } finally {
      await staging.remove();
    }
    // Helm removes <HELM_PLUGINS>/<name>-<version>.tgz(.prov); the copies install keeps are in the data home.
    let file: string | undefined;
    try {
      file = version === '' ? undefined : pluginTarballName(name, version);
    } catch {
      file = undefined;
    }
    if (file !== undefined) {
      for (const dir of new Set([layout.pluginsDir, layout.dataPluginsDir])) {
        await rm(path.join(dir, file), { force: true });
        await rm(path.join(dir, `${file}.prov`), { force: true });
      }
    }
    await removeSourceRecord(layout.sourcesDir, name);
  } finally {
    await lock.release();
  }
  // As in Helm, the delete hook runs after the directory is gone.
  if (!found.quarantined) await runPluginHook(found.plugin, 'delete', options);
  print(`Uninstalled plugin: ${name}`);
  return { name, dir: found.dir };
}

/**
 * `helm plugin uninstall NAME...`: removes each plugin's directory (a link only, for a local-dev install)
 * atomically under its lock, its kept tarball and .prov and its source record, then runs its `delete` hook.
 * A plugin whose plugin.yaml is invalid can be uninstalled too (no hook). Every name is tried; failures are
 * reported together.
 */
export async function uninstallPlugins(options: UninstallPluginsOptions): Promise<UninstallPluginsResult> {
  const { done, failed } = await forEachName(options.names, (name) => uninstallOne(name, options));
  if (failed.length > 0) throw joinFailures(failed, 'uninstall');
  return { uninstalled: done };
}
