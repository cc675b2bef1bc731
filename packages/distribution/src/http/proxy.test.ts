import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { selfSignedCert, serveFiles } from '../../../../test-support/servers/http-server.js';
import { forwardProxy } from '../../../../test-support/servers/proxy-server.js';
import { KEYS, PLUGDIR_GOOD, registry, tempDir } from '../../test/support.js';
import { installPlugin } from '../install/install-plugin.js';
import { packagePlugin } from '../package/package-plugin.js';
import { proxyFor } from './proxy.js';

/** Sets a proxy variable in both cases (a lower-case one from the machine would win otherwise). */
function stubProxyEnv(vars: Record<string, string>): void {
  for (const [name, value] of Object.entries(vars)) {
    vi.stubEnv(name.toUpperCase(), value);
    vi.stubEnv(name.toLowerCase(), value);
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('proxyFor (Go http.ProxyFromEnvironment)', () => {
  it('takes HTTPS_PROXY for https and HTTP_PROXY for http URLs', () => {
    stubProxyEnv({ HTTPS_PROXY: 'http://secure.proxy:3128', HTTP_PROXY: 'plain.proxy:8080', NO_PROXY: '' });
    expect(proxyFor(new URL('https://charts.example.com/p.tgz'))).toBe('http://secure.proxy:3128/');
    expect(proxyFor(new URL('http://charts.example.com/p.tgz'))).toBe('http://plain.proxy:8080/');
  });

  it('never proxies what NO_PROXY lists (Go rules), localhost or a loopback address', () => {
    stubProxyEnv({ HTTPS_PROXY: 'http://p:1', NO_PROXY: ' internal.example, .corp:8443, 10.0.0.0/8, 192.168.1.5' });
    expect(proxyFor(new URL('https://internal.example/x'))).toBeUndefined();
    expect(proxyFor(new URL('https://a.internal.example/x'))).toBeUndefined();
    expect(proxyFor(new URL('https://notinternal.example/x'))).toBe('http://p:1/');
    expect(proxyFor(new URL('https://git.corp:8443/x'))).toBeUndefined();
    expect(proxyFor(new URL('https://corp:8443/x'))).toBe('http://p:1/');
    expect(proxyFor(new URL('https://git.corp/x'))).toBe('http://p:1/');
    expect(proxyFor(new URL('https://10.1.2.3/x'))).toBeUndefined();
    expect(proxyFor(new URL('https://192.168.1.5/x'))).toBeUndefined();
    expect(proxyFor(new URL('https://192.168.1.6/x'))).toBe('http://p:1/');
    for (const local of ['https://localhost:8443/x', 'https://127.0.0.1/x', 'https://127.1.2.3/x', 'https://[::1]/x']) {
      expect(proxyFor(new URL(local))).toBeUndefined();
    }
  });

  it("goes direct without a proxy variable (ALL_PROXY is not Go's), and ignores NO_PROXY entries it cannot read", () => {
    stubProxyEnv({ HTTPS_PROXY: '', HTTP_PROXY: '', ALL_PROXY: 'http://p:1' });
    expect(proxyFor(new URL('https://example.com/'))).toBeUndefined();
    expect(proxyFor(new URL('https://x/'), { HTTPS_PROXY: 'p:1', NO_PROXY: ':80,,' })).toBe('http://p:1/');
  });
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
