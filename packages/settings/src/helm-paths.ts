import { homedir as osHomedir, tmpdir } from 'node:os';
import path from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export interface HelmHomes {
  dataHome: string;
  cacheHome: string;
  configHome: string;
}

export interface PlatformInfo {
  platform: NodeJS.Platform;
  homedir: string;
}

const currentPlatform = (): PlatformInfo => ({ platform: process.platform, homedir: osHomedir() });

/**
 * Helm's pkg/helmpath rules: HELM_<X>_HOME is used as is (no `helm` component); else XDG_<X>_HOME/helm;
 * else the OS default (Linux ~/.local/share/helm, ~/.cache/helm, ~/.config/helm; macOS ~/Library/helm,
 * ~/Library/Caches/helm, ~/Library/Preferences/helm; Windows %APPDATA%\helm, %TEMP%\helm, %APPDATA%\helm).
 */
export function helmHomes(env: Env, platformInfo: PlatformInfo = currentPlatform()): HelmHomes {
  const { platform, homedir } = platformInfo;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const appData = env['APPDATA'] ?? p.join(homedir, 'AppData', 'Roaming');
  const osDefault = {
    data:
      platform === 'darwin'
        ? p.join(homedir, 'Library')
        : platform === 'win32'
          ? appData
          : p.join(homedir, '.local', 'share'),
    cache:
      platform === 'darwin'
        ? p.join(homedir, 'Library', 'Caches')
        : platform === 'win32'
          ? (env['TEMP'] ?? tmpdir())
          : p.join(homedir, '.cache'),
    config:
      platform === 'darwin'
        ? p.join(homedir, 'Library', 'Preferences')
        : platform === 'win32'
          ? appData
          : p.join(homedir, '.config'),
  };
  const resolve = (helmVar: string, xdgVar: string, fallback: string): string => {
    const helm = env[helmVar];
    if (helm) return helm;
    const xdg = env[xdgVar];
    return p.join(xdg ? xdg : fallback, 'helm');
  };
  return {
    dataHome: resolve('HELM_DATA_HOME', 'XDG_DATA_HOME', osDefault.data),
    cacheHome: resolve('HELM_CACHE_HOME', 'XDG_CACHE_HOME', osDefault.cache),
    configHome: resolve('HELM_CONFIG_HOME', 'XDG_CONFIG_HOME', osDefault.config),
  };
}
