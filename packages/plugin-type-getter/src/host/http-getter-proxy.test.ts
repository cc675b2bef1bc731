import { afterEach, expect, it, vi } from 'vitest';
import { stubProxyEnv } from '../../../../test-support/proxy-env.js';
import { serveFiles } from '../../../../test-support/servers/http-server.js';
import { forwardProxy } from '../../../../test-support/servers/proxy-server.js';
import { fetchWithGetters } from './fetch-with-getters.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

it('the built-in http getter goes through HTTP_PROXY, as Helm’s transport does', async () => {
  await using files = await serveFiles('/', (req, res) => {
    res.end(`chart at ${req.url}`);
    return true;
  });
  await using proxy = await forwardProxy({ 'charts.example.test:80': files.url.slice('http://'.length) });
  stubProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: '' });
  const bytes = await fetchWithGetters('http://charts.example.test/app-1.0.0.tgz', {
    plugins: [],
    instantiate: () => Promise.reject(new Error('unused')),
  });
  expect(Buffer.from(bytes).toString()).toBe('chart at /app-1.0.0.tgz');
  expect(proxy.requests).toEqual(['GET http://charts.example.test/app-1.0.0.tgz']);
});
