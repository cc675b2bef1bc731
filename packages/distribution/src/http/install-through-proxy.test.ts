import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubProxyEnv } from '../../../../test-support/proxy-env.js';
import { selfSignedCert, serveFiles } from '../../../../test-support/servers/http-server.js';
import { forwardProxy } from '../../../../test-support/servers/proxy-server.js';
import { KEYS, PLUGDIR_GOOD, registry, tempDir } from '../../test/support.js';
import { installPlugin } from '../install/install-plugin.js';
import { packagePlugin } from '../package/package-plugin.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('installs through a proxy', () => {
  async function signedTarballDir(): Promise<string> {
    const dest = tempDir();
    await packagePlugin({
      dir: path.join(PLUGDIR_GOOD, 'hello-v1'),
      destination: dest,
      sign: true,
      signing: { keyring: KEYS.secret, key: 'helm-test' },
      registry,
    });
    return dest;
  }

  function settings() {
    const root = tempDir('helm4-home-');
    return {
      pluginsDirectory: path.join(root, 'data', 'plugins'),
      dataHome: path.join(root, 'data'),
      cacheHome: path.join(root, 'cache'),
    };
  }

  it('sends an http:// download and its .prov to HTTP_PROXY', async () => {
    await using files = await serveFiles(await signedTarballDir());
    await using proxy = await forwardProxy({ 'plugins.example.test:80': files.url.slice('http://'.length) });
    stubProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: '' });
    const source = 'http://plugins.example.test/hello-v1-0.1.0.tgz';
    const result = await installPlugin({ settings: settings(), registry, source, keyring: KEYS.pub });
    expect(result.name).toBe('hello-v1');
    expect(proxy.requests).toEqual([`GET ${source}`, `GET ${source}.prov`]);
  });

  it('tunnels an https:// download through HTTPS_PROXY (CONNECT), checking the server certificate', async () => {
    const tls = selfSignedCert(tempDir(), ['plugins.example.test']);
    await using files = await serveFiles(await signedTarballDir(), undefined, tls);
    await using proxy = await forwardProxy({ 'plugins.example.test:443': files.url.slice('https://'.length) });
    stubProxyEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: '' });
    const source = 'https://plugins.example.test/hello-v1-0.1.0.tgz';
    await expect(installPlugin({ settings: settings(), registry, source, keyring: KEYS.pub })).rejects.toMatchObject({
      code: 'DIST_HTTP_FAILED',
    });
    const result = await installPlugin({
      settings: settings(),
      registry,
      source,
      keyring: KEYS.pub,
      tls: { caFile: tls.certFile },
    });
    expect(result.name).toBe('hello-v1');
    expect(proxy.requests.every((r) => r === 'CONNECT plugins.example.test:443')).toBe(true);
  });
});
