import { describe, expect, it } from 'vitest';
import { helmEnvVars, helmHomes, loadSettings, pluginDirs } from './index.js';

const linux = { platform: 'linux' as const, homedir: '/home/u' };

describe('helmHomes (Helm pkg/helmpath)', () => {
  it('uses HELM_*_HOME as is, then XDG_*_HOME/helm, then the OS default', () => {
    expect(helmHomes({}, linux)).toEqual({
      dataHome: '/home/u/.local/share/helm',
      cacheHome: '/home/u/.cache/helm',
      configHome: '/home/u/.config/helm',
    });
    expect(
      helmHomes({ XDG_DATA_HOME: '/x/data', XDG_CACHE_HOME: '/x/cache', XDG_CONFIG_HOME: '/x/cfg' }, linux),
    ).toEqual({
      dataHome: '/x/data/helm',
      cacheHome: '/x/cache/helm',
      configHome: '/x/cfg/helm',
    });
    expect(
      helmHomes(
        { HELM_DATA_HOME: '/h/d', XDG_DATA_HOME: '/x/data', HELM_CACHE_HOME: '/h/c', HELM_CONFIG_HOME: '/h/g' },
        linux,
      ),
    ).toEqual({ dataHome: '/h/d', cacheHome: '/h/c', configHome: '/h/g' });
  });

  it('knows the macOS and Windows defaults', () => {
    expect(helmHomes({}, { platform: 'darwin', homedir: '/Users/u' })).toEqual({
      dataHome: '/Users/u/Library/helm',
      cacheHome: '/Users/u/Library/Caches/helm',
      configHome: '/Users/u/Library/Preferences/helm',
    });
    expect(helmHomes({ APPDATA: 'C:\\A', TEMP: 'C:\\T' }, { platform: 'win32', homedir: 'C:\\U' })).toEqual({
      dataHome: 'C:\\A\\helm',
      cacheHome: 'C:\\T\\helm',
      configHome: 'C:\\A\\helm',
    });
  });
});

describe('loadSettings', () => {
  it('derives HELM_PLUGINS and the other paths from the homes', () => {
    const s = loadSettings({ HELM_DATA_HOME: '/d', HELM_CACHE_HOME: '/c', HELM_CONFIG_HOME: '/g' }, {}, linux);
    expect(s.pluginsDirectory).toBe('/d/plugins');
    expect(s.registryConfig).toBe('/g/registry/config.json');
    expect(s.repositoryConfig).toBe('/g/repositories.yaml');
    expect(s.repositoryCache).toBe('/c/repository');
    expect(s.contentCache).toBe('/c/content');
    expect(s.noPlugins).toBe(false);
    expect(loadSettings({ HELM_NO_PLUGINS: '1' }, {}, linux).noPlugins).toBe(true);
  });

  it('splits HELM_PLUGINS as a path list', () => {
    const s = loadSettings({ HELM_PLUGINS: '/a::/b' }, {}, linux);
    expect(pluginDirs(s, ':')).toEqual(['/a', '/b']);
  });

  it('lets flags override the environment and renders the HELM_* env like Helm', () => {
    const s = loadSettings(
      {
        HELM_DATA_HOME: '/d',
        HELM_CACHE_HOME: '/c',
        HELM_CONFIG_HOME: '/g',
        HELM_NAMESPACE: 'env-ns',
        HELM_DEBUG: 'T',
      },
      { namespace: 'flag-ns', kubeAsGroups: ['a', 'b'] },
      linux,
    );
    const env = helmEnvVars(s, '/bin/helm');
    expect(env).toMatchObject({
      HELM_BIN: '/bin/helm',
      HELM_NAMESPACE: 'flag-ns',
      HELM_DEBUG: 'true',
      HELM_KUBEASGROUPS: 'a,b',
      HELM_QPS: '0.00',
      HELM_MAX_HISTORY: '10',
      HELM_BURST_LIMIT: '100',
      HELM_PLUGINS: '/d/plugins',
    });
    expect(env['KUBECONFIG']).toBeUndefined();
    expect(helmEnvVars(loadSettings({ KUBECONFIG: '/k' }, {}, linux), 'h')['KUBECONFIG']).toBeUndefined();
    expect(helmEnvVars(loadSettings({}, { kubeConfig: '/flag' }, linux), 'h')['KUBECONFIG']).toBe('/flag');
  });

  it('takes --content-cache and --color like the other global flags', () => {
    const s = loadSettings({ HELM_CACHE_HOME: '/c' }, { contentCache: '/flag/content', colorMode: 'never' }, linux);
    expect(s.contentCache).toBe('/flag/content');
    expect(helmEnvVars(s, 'h')['HELM_CONTENT_CACHE']).toBe('/flag/content');
    expect(s.colorMode).toBe('never');
  });

  it('reads the colour mode as Helm does: NO_COLOR, then a valid HELM_COLOR, else auto', () => {
    expect(loadSettings({}, {}, linux).colorMode).toBe('auto');
    expect(loadSettings({ HELM_COLOR: 'ALWAYS' }, {}, linux).colorMode).toBe('always');
    expect(loadSettings({ HELM_COLOR: 'sometimes' }, {}, linux).colorMode).toBe('auto');
    expect(loadSettings({ HELM_COLOR: 'always', NO_COLOR: '1' }, {}, linux).colorMode).toBe('never');
    expect(loadSettings({ HELM_COLOR: 'always', NO_COLOR: '' }, {}, linux).colorMode).toBe('always');
  });
});
