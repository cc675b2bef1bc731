import type { Agent } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';

type Env = Readonly<Record<string, string | undefined>>;

/** Go's getEnvAny: the first of `names` that is set and non-empty. */
function envAny(env: Env, ...names: string[]): string {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return '';
}

/** Go's parseProxy: a proxy without a scheme is http://. */
function proxyUrl(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.host !== '' && /^(?:https?|socks5h?):$/.test(url.protocol)) return url.href;
  } catch {
    // Not a URL on its own: a host[:port].
  }
  return new URL(`http://${proxy}`).href;
}

/** One NO_PROXY entry, as Go's httpproxy reads it: an IP or CIDR, or a domain (and its subdomains), with a port. */
type NoProxyMatcher = (host: string, port: string, ip: boolean) => boolean;

function noProxyMatchers(noProxy: string): NoProxyMatcher[] {
  const matchers: NoProxyMatcher[] = [];
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return [() => true];
    const cidr = /^(.+)\/(\d+)$/.exec(entry);
    if (cidr !== null && isIP(cidr[1] as string) !== 0) {
      const list = new BlockList();
      const family = isIP(cidr[1] as string) === 4 ? 'ipv4' : 'ipv6';
      list.addSubnet(cidr[1] as string, Number(cidr[2]), family);
      matchers.push((host, _port, ip) => ip && list.check(host, isIP(host) === 4 ? 'ipv4' : 'ipv6'));
      continue;
    }
    const hostPort = /^(\[[^\]]*\]|[^:]*):(\d+)$/.exec(entry);
    let host = hostPort === null ? entry : (hostPort[1] as string).replace(/^\[|\]$/g, '');
    const port = hostPort === null ? '' : (hostPort[2] as string);
    if (host === '') continue;
    if (isIP(host) !== 0) {
      matchers.push((h, p, ip) => ip && h === host && (port === '' || port === p));
      continue;
    }
    // foo.com matches foo.com and bar.foo.com; .foo.com and *.foo.com only the subdomains.
    if (host.startsWith('*.')) host = host.slice(1);
    const matchHost = !host.startsWith('.');
    const suffix = matchHost ? `.${host}` : host;
    matchers.push(
      (h, p) => (h.endsWith(suffix) || (matchHost && h === suffix.slice(1))) && (port === '' || port === p),
    );
  }
  return matchers;
}

/**
 * The proxy a request to `url` goes through, read from the environment as Go's http.ProxyFromEnvironment (which
 * Helm uses) reads it: HTTPS_PROXY for https and HTTP_PROXY for http URLs (upper case first; a proxy without a
 * scheme is http://), none for a host NO_PROXY lists (a domain and its subdomains, `.domain` for subdomains only,
 * an IP or a CIDR, each with an optional port; `*` for all), and none for localhost or a loopback address.
 * undefined: connect directly.
 */
export function proxyFor(url: URL, env: Env = process.env): string | undefined {
  const https = url.protocol === 'https:';
  const proxy = https
    ? envAny(env, 'HTTPS_PROXY', 'https_proxy')
    : env['REQUEST_METHOD'] === undefined
      ? envAny(env, 'HTTP_PROXY', 'http_proxy')
      : '';
  if (proxy === '') return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const ip = isIP(host) !== 0;
  if (host === 'localhost' || (ip && isLoopback(host))) return undefined;
  const port = url.port || (https ? '443' : '80');
  const noProxy = envAny(env, 'NO_PROXY', 'no_proxy');
  if (noProxyMatchers(noProxy).some((match) => match(host, port, ip))) return undefined;
  return proxyUrl(proxy);
}

function isLoopback(ip: string): boolean {
  if (isIP(ip) === 4) return ip.startsWith('127.');
  const loopback = new BlockList();
  loopback.addAddress('::1', 'ipv6');
  loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');
  return loopback.check(ip, 'ipv6');
}

/**
 * An agent that reaches `url` through its proxy (a CONNECT tunnel for https, whose TLS options are the request's),
 * or undefined when it goes direct. One per request: a CLI makes few.
 */
export function proxyAgent(url: URL): Agent | undefined {
  const proxy = proxyFor(url);
  if (proxy === undefined) return undefined;
  return url.protocol === 'https:' ? new HttpsProxyAgent(proxy) : new HttpProxyAgent(proxy);
}

/** Whether the environment names a proxy at all (HTTPS_PROXY or HTTP_PROXY, either case). */
export function proxyConfigured(env: Env = process.env): boolean {
  return envAny(env, 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy') !== '';
}
