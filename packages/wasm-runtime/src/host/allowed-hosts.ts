import type { GuestFailure } from '../worker/protocol.js';

/**
 * `runtimeConfig.allowedHosts`, host:port aware. An entry is a hostname glob (`*` any run of characters, `?` one
 * character, case-insensitive, as Extism's gobwas/glob match of the hostname), optionally followed by `:port`
 * (or `:*`); IPv6 addresses are written in brackets when a port follows (`[::1]:8080`). An entry without a port
 * allows every port, as in Helm; with one, only that port (the URL's explicit port, else 80/443 by scheme).
 */
export interface HostRule {
  host: RegExp;
  /** undefined: any port. */
  port: number | undefined;
}

export function parseAllowedHost(entry: string): HostRule {
  const text = entry.trim().toLowerCase();
  let host = text;
  let port: string | undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    host = close === -1 ? text.slice(1) : text.slice(1, close);
    const rest = close === -1 ? '' : text.slice(close + 1);
    if (rest.startsWith(':')) port = rest.slice(1);
  } else if (text.indexOf(':') !== -1 && text.indexOf(':') === text.lastIndexOf(':')) {
    [host, port] = text.split(':') as [string, string];
  }
  return {
    host: globToRegExp(host),
    port: port === undefined || port === '*' || port === '' ? undefined : Number(port),
  };
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const ch of glob) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/** Whether a request to `url` is allowed by the rules (none: nothing is). */
export function isHostAllowed(rules: readonly HostRule[], url: URL): boolean {
  const hostname = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? DEFAULT_PORTS[url.protocol] : Number(url.port);
  return rules.some((r) => r.host.test(hostname) && (r.port === undefined || r.port === port));
}

/**
 * Why a guest's request to `url` is refused before anything is sent (not a URL, not http(s), a host the rules do
 * not allow), or undefined. Checked for the request and for every redirect hop.
 */
export function refuseHttpRequest(url: string, rules: readonly HostRule[]): GuestFailure | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'http-failed', message: `invalid URL ${JSON.stringify(url)}`, url };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { kind: 'http-failed', message: `unsupported URL scheme ${parsed.protocol}`, url: parsed.href };
  }
  if (!isHostAllowed(rules, parsed)) {
    return {
      kind: 'http-denied',
      message: `HTTP request to ${parsed.host} is not allowed (runtimeConfig.allowedHosts)`,
      url: parsed.href,
    };
  }
  return undefined;
}
