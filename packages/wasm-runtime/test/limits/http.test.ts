import { describe, expect, it, vi } from 'vitest';
import { stubProxyEnv } from '../../../../test-support/proxy-env.js';
import { forwardProxy } from '../../../../test-support/servers/proxy-server.js';
import { guestFactory, httpServer, rejectsWithCode } from '../support.js';
import { httpGuest } from '../wasm/guests.js';

const guest = guestFactory();
const postRender = { message: { manifests: '', extraArgs: [] } };

/** A server answering every request with a post-renderer output naming the path. */
async function jsonServer() {
  return httpServer((req, res) => {
    if (req.url?.startsWith('/redirect-to/')) {
      res.writeHead(302, { location: decodeURIComponent(req.url.slice('/redirect-to/'.length)) }).end();
      return;
    }
    if (req.url === '/big') {
      res.end(JSON.stringify({ manifests: 'x'.repeat(100_000) }));
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ manifests: `served ${req.method} ${req.url}` }));
  });
}

const manifestsOf = (out: { message: unknown }) => (out.message as { manifests: string }).manifests;

describe('runtimeConfig.allowedHosts', () => {
  it('lets the guest reach an allowed host:port, and denies another port of the same host', async () => {
    await using allowed = await jsonServer();
    await using other = await jsonServer();
    const runtimeConfig = { allowedHosts: [`127.0.0.1:${allowed.port}`] };
    const ok = await guest(httpGuest({ url: allowed.url('/index.yaml') }), { type: 'postrenderer/v1', runtimeConfig });
    expect(manifestsOf(await ok.invoke(postRender))).toBe('served GET /index.yaml');

    const denied = await guest(httpGuest({ url: other.url('/index.yaml') }), {
      type: 'postrenderer/v1',
      runtimeConfig,
    });
    const err = await rejectsWithCode(denied.invoke(postRender), 'RUNTIME_HTTP_DENIED');
    expect(err.details?.['url']).toBe(other.url('/index.yaml'));
    // The plugin and the host keep working (Extism rc13 hangs on the next call here).
    await rejectsWithCode(denied.invoke(postRender), 'RUNTIME_HTTP_DENIED');
    expect(manifestsOf(await ok.invoke(postRender))).toBe('served GET /index.yaml');
  });

  it('goes through HTTP_PROXY for an allowed host, as Extism’s Go transport under Helm does', async () => {
    await using server = await jsonServer();
    await using proxy = await forwardProxy({ 'charts.example.test:80': `127.0.0.1:${server.port}` });
    try {
      stubProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: '' });
      const plugin = await guest(httpGuest({ url: 'http://charts.example.test/index.yaml' }), {
        type: 'postrenderer/v1',
        runtimeConfig: { allowedHosts: ['charts.example.test'] },
      });
      expect(manifestsOf(await plugin.invoke(postRender))).toBe('served GET /index.yaml');
      expect(proxy.requests).toEqual(['GET http://charts.example.test/index.yaml']);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('denies everything when allowedHosts is empty, as Helm does', async () => {
    await using server = await jsonServer();
    const plugin = await guest(httpGuest({ url: server.url('/') }), { type: 'postrenderer/v1' });
    await rejectsWithCode(plugin.invoke(postRender), 'RUNTIME_HTTP_DENIED');
  });

  it('compares names literally: localhost is not 127.0.0.1', async () => {
    await using server = await jsonServer();
    const plugin = await guest(httpGuest({ url: server.url('/') }), {
      type: 'postrenderer/v1',
      runtimeConfig: { allowedHosts: ['localhost'] },
    });
    await rejectsWithCode(plugin.invoke(postRender), 'RUNTIME_HTTP_DENIED');
  });

  it('checks every redirect hop', async () => {
    await using allowed = await jsonServer();
    await using other = await jsonServer();
    const runtimeConfig = { allowedHosts: [`127.0.0.1:${allowed.port}`] };
    const toOther = allowed.url(`/redirect-to/${encodeURIComponent(other.url('/secret'))}`);
    const plugin = await guest(httpGuest({ url: toOther }), { type: 'postrenderer/v1', runtimeConfig });
    await rejectsWithCode(plugin.invoke(postRender), 'RUNTIME_HTTP_DENIED');
    const toSelf = allowed.url(`/redirect-to/${encodeURIComponent('/final')}`);
    const follows = await guest(httpGuest({ url: toSelf }), { type: 'postrenderer/v1', runtimeConfig });
    expect(manifestsOf(await follows.invoke(postRender))).toBe('served GET /final');
  });

  it('sends the method and headers the guest asks for', async () => {
    await using server = await httpServer((req, res) => {
      res.end(JSON.stringify({ manifests: `${req.method} ${req.headers['x-plugin']}` }));
    });
    const plugin = await guest(httpGuest({ url: server.url('/'), method: 'delete', headers: { 'X-Plugin': 'yes' } }), {
      type: 'postrenderer/v1',
      runtimeConfig: { allowedHosts: ['127.0.0.1'] },
    });
    expect(manifestsOf(await plugin.invoke(postRender))).toBe('DELETE yes');
  });

  it('fails a response above memory.maxHttpResponseBytes', async () => {
    await using server = await jsonServer();
    const plugin = await guest(httpGuest({ url: server.url('/big') }), {
      type: 'postrenderer/v1',
      runtimeConfig: { allowedHosts: ['127.0.0.1'], memory: { maxHttpResponseBytes: 50_000 } },
    });
    const err = await rejectsWithCode(plugin.invoke(postRender), 'RUNTIME_HTTP_RESPONSE_TOO_LARGE');
    expect(err.details?.['limit']).toBe(50_000);
  });

  it('reports a connection failure and other schemes as RUNTIME_HTTP_FAILED', async () => {
    const closed = await jsonServer();
    const url = closed.url('/');
    await closed[Symbol.asyncDispose]();
    const refused = await guest(httpGuest({ url }), {
      type: 'postrenderer/v1',
      runtimeConfig: { allowedHosts: ['127.0.0.1'] },
    });
    await rejectsWithCode(refused.invoke(postRender), 'RUNTIME_HTTP_FAILED');
    const file = await guest(httpGuest({ url: 'file:///etc/passwd' }), {
      type: 'postrenderer/v1',
      runtimeConfig: { allowedHosts: ['*'] },
    });
    await rejectsWithCode(file.invoke(postRender), 'RUNTIME_HTTP_FAILED');
  });
});
