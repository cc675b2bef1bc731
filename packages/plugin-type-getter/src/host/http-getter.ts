import { Helm4Error } from '@helm4/errors';
import { proxyConfigured } from '@helm4/net';
import type { GetterOptions } from '../messages.js';
import { fetchTransport, nodeTransport, type Transport, tlsSettings } from './transport.js';

/** Go's http.Client gives up after 10 redirects. */
const MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Go's isDomainOrSubdomain (net/http): may sensitive headers follow a redirect from `parent` to `sub`? */
function isDomainOrSubdomain(sub: string, parent: string): boolean {
  return sub === parent || sub.endsWith(`.${parent}`);
}

/**
 * Helm's built-in HTTP(S) getter (pkg/getter/httpgetter.go): a GET that must answer 200, following redirects.
 * Basic auth is sent only when Username and Password are set and either PassCredentialsAll is set or the href
 * has the scheme and host of `options.URL` (the repository URL); it is dropped for good once a redirect leaves
 * the initial host and its subdomains, as Go's client does. `Timeout` (nanoseconds) bounds the whole transfer.
 */
export async function httpGet(
  href: string,
  options: GetterOptions,
  fetchImpl: typeof fetch | undefined,
): Promise<Uint8Array> {
  const initial = parse(href);
  if (initial === undefined) {
    throw new Helm4Error('GETTER_HTTP_FAILED', `failed to fetch ${href}: invalid URL`, { details: { href } });
  }
  const tls = await tlsSettings(options);
  // fetch takes neither TLS settings nor a proxy: node:http does, when either is asked for (a fetch the caller
  // passes is used as it is).
  const transport: Transport =
    tls === undefined && (fetchImpl !== undefined || !proxyConfigured())
      ? fetchTransport(fetchImpl ?? fetch)
      : nodeTransport(tls ?? {});
  const timeout = options.Timeout > 0 ? AbortSignal.timeout(Math.ceil(options.Timeout / 1e6)) : undefined;
  const repo = parse(options.URL);
  let authorize =
    options.Username !== '' &&
    options.Password !== '' &&
    (options.PassCredentialsAll || (repo?.protocol === initial.protocol && repo.host === initial.host));

  const fail = (cause: unknown, url: URL): Helm4Error => {
    if (cause instanceof Helm4Error) return cause;
    if (timeout?.aborted) {
      return new Helm4Error(
        'GETTER_HTTP_TIMEOUT',
        `failed to fetch ${href}: timeout after ${options.Timeout / 1e6} ms`,
        {
          cause,
          details: { href, timeoutNs: options.Timeout },
        },
      );
    }
    const inner = (cause as { cause?: unknown })?.cause;
    const reason = inner instanceof Error ? inner.message : cause instanceof Error ? cause.message : String(cause);
    return new Helm4Error('GETTER_HTTP_FAILED', `failed to fetch ${url.href}: ${reason}`, {
      cause,
      details: { href, url: url.href },
    });
  };

  let url = initial;
  for (let hops = 0; ; hops++) {
    const headers = requestHeaders(options, authorize);
    try {
      const res = await transport(url, headers, timeout);
      if (REDIRECTS.has(res.status) && res.location !== undefined) {
        await res.discard();
        url = nextHop(href, url, res.location, hops);
        if (!isDomainOrSubdomain(url.hostname, initial.hostname)) authorize = false;
        continue;
      }
      if (res.status !== 200) {
        await res.discard();
        throw new Helm4Error(
          'GETTER_HTTP_STATUS',
          `failed to fetch ${href} : ${res.status} ${res.statusText}`.trimEnd(),
          {
            details: { href, url: url.href, status: res.status },
          },
        );
      }
      return await res.bytes();
    } catch (cause) {
      throw fail(cause, url);
    }
  }
}

function requestHeaders(options: GetterOptions, authorize: boolean): Record<string, string> {
  // Helm's transport sets DisableCompression: the bytes are stored as served (a .tgz stays gzipped).
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  if (options.UserAgent !== '') headers['user-agent'] = options.UserAgent;
  if (options.AcceptHeader !== '') headers['accept'] = options.AcceptHeader;
  if (authorize) {
    headers['authorization'] = `Basic ${Buffer.from(`${options.Username}:${options.Password}`).toString('base64')}`;
  }
  return headers;
}

function nextHop(href: string, from: URL, location: string, hops: number): URL {
  if (hops + 1 > MAX_REDIRECTS) {
    throw new Helm4Error('GETTER_HTTP_FAILED', `failed to fetch ${href}: stopped after ${MAX_REDIRECTS} redirects`, {
      details: { href },
    });
  }
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new Helm4Error(
      'GETTER_HTTP_FAILED',
      `failed to fetch ${href}: invalid redirect ${JSON.stringify(location)}`,
      {
        details: { href, location },
      },
    );
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new Helm4Error(
      'GETTER_HTTP_FAILED',
      `failed to fetch ${href}: redirect to unsupported scheme ${next.protocol}`,
      {
        details: { href, location: next.href },
      },
    );
  }
  return next;
}
