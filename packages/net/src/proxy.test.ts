import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubProxyEnv } from '../../../test-support/proxy-env.js';
import { proxyConfigured, proxyFor } from './proxy.js';

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

describe('proxyConfigured', () => {
  it('is whether HTTPS_PROXY or HTTP_PROXY names a proxy', () => {
    expect(proxyConfigured({})).toBe(false);
    expect(proxyConfigured({ https_proxy: 'p:1' })).toBe(true);
    expect(proxyConfigured({ HTTP_PROXY: 'p:1', NO_PROXY: '*' })).toBe(true);
  });
});
