import path from 'node:path';
import { type HelmSettings, pluginDirs } from '@helm4/settings';
import { distError } from '../codes.js';

/**
 * Where installs go. Plugins are installed into the first directory of HELM_PLUGINS (Helm puts local and HTTP
 * installs under $HELM_DATA_HOME/plugins whatever HELM_PLUGINS says; see docs/compat.md). Our own state lives
 * in `<plugins>/.helm4/`, which no loader takes for a plugin (it has no plugin.yaml):
 * - `staging/<id>/`: downloads and unpacked trees, renamed into place (same filesystem);
 * - `locks/<name>.lock`: one install/update/uninstall of a plugin at a time;
 * - `sources/<name>.json`: where each plugin came from, for `helm plugin update`.
 */
export interface InstallLayout {
  pluginsDir: string;
  /** `$HELM_DATA_HOME/plugins`: where the installed tarball and .prov are kept (`plugin list` looks there). */
  dataPluginsDir: string;
  stateDir: string;
  stagingDir: string;
  locksDir: string;
  sourcesDir: string;
  cacheDir: string;
}

export function installLayout(settings: Pick<HelmSettings, 'pluginsDirectory' | 'dataHome' | 'cacheHome'>) {
  const first = pluginDirs(settings)[0];
  if (first === undefined) {
    throw distError('DIST_OPTIONS_INVALID', 'HELM_PLUGINS names no directory to install into', {
      hint: 'set HELM_PLUGINS to a directory, or unset it',
    });
  }
  return layoutFor(path.resolve(first), settings);
}

/** The layout of one plugins directory (an installed plugin's own, for update and uninstall). */
export function layoutFor(pluginsDir: string, settings: Pick<HelmSettings, 'dataHome' | 'cacheHome'>): InstallLayout {
  const stateDir = path.join(pluginsDir, '.helm4');
  return {
    pluginsDir,
    dataPluginsDir: path.resolve(settings.dataHome, 'plugins'),
    stateDir,
    stagingDir: path.join(stateDir, 'staging'),
    locksDir: path.join(stateDir, 'locks'),
    sourcesDir: path.join(stateDir, 'sources'),
    cacheDir: path.resolve(settings.cacheHome, 'plugins'),
  };
}
