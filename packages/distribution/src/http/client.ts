import { readFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { proxyAgent } from '@helm4/net';
import { distError } from '../codes.js';

/** TLS and transport options (Helm's --ca-file, --cert-file, --key-file, --insecure-skip-tls-verify). */
export interface TlsOptions {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  insecureSkipTlsVerify?: boolean;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  tls?: TlsOptions;
  /** No bytes for this long (connect, headers or body) aborts with DIST_DOWNLOAD_TIMEOUT; default 30 s. */
  idleTimeoutMs?: number;
  /** Redirects followed (GET/HEAD only); default 10. */
  maxRedirects?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The URL that answered (after redirects). */
  url: string;
  body: IncomingMessage;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

function tlsAgentOptions(tls: TlsOptions | undefined): https.RequestOptions {
  if (tls === undefined) return {};
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch (cause) {
      throw distError('DIST_TLS_CONFIG', `cannot read the ${what} ${file}`, { cause, details: { path: file } });
    }
  };
  return {
    ...(tls.caFile ? { ca: read(tls.caFile, 'CA bundle') } : {}),
    ...(tls.certFile ? { cert: read(tls.certFile, 'client certificate') } : {}),
    ...(tls.keyFile ? { key: read(tls.keyFile, 'client key') } : {}),
    ...(tls.insecureSkipTlsVerify ? { rejectUnauthorized: false } : {}),
  };
}

/** The URL without credentials, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}

function once(url: URL, options: RequestOptions): Promise<IncomingMessage> {
  const idle = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const lib = url.protocol === 'https:' ? https : http;
  const agent = proxyAgent(url);
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: { 'User-Agent': 'helm4', ...options.headers },
        ...(url.protocol === 'https:' ? tlsAgentOptions(options.tls) : {}),
        ...(agent === undefined ? {} : { agent }),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (res) => {
        res.setTimeout(idle, () =>
          res.destroy(
            distError('DIST_DOWNLOAD_TIMEOUT', `no data from ${redactUrl(url.href)} for ${idle} ms`, {
              hint: 'the server stalled; try again later',
              details: { url: redactUrl(url.href), idleTimeoutMs: idle },
            }),
          ),
        );
        resolve(res);
      },
    );
    req.setTimeout(idle, () =>
      req.destroy(
        distError('DIST_DOWNLOAD_TIMEOUT', `no answer from ${redactUrl(url.href)} within ${idle} ms`, {
          hint: 'the server did not answer; check the URL and your network',
          details: { url: redactUrl(url.href), idleTimeoutMs: idle },
        }),
      ),
    );
    req.on('error', (cause) => {
      if (cause instanceof Error && cause.name === 'Helm4Error') return reject(cause);
      if ((cause as NodeJS.ErrnoException).name === 'AbortError') {
        return reject(distError('DIST_INTERRUPTED', `request to ${redactUrl(url.href)} was aborted`, { cause }));
      }
      reject(
        distError('DIST_HTTP_FAILED', `cannot reach ${redactUrl(url.href)}: ${(cause as Error).message}`, {
          cause,
          hint: 'check the URL, your network and TLS settings (--ca-file, --insecure-skip-tls-verify)',
          details: { url: redactUrl(url.href), errno: (cause as NodeJS.ErrnoException).code },
        }),
      );
    });
    req.end(options.body);
  });
}

/**
 * One HTTP(S) request, following redirects for GET and HEAD (dropping Authorization on another host). The body
 * is returned unread; the caller consumes or destroys it.
 */
export async function request(url: string, options: RequestOptions = {}): Promise<HttpResponse> {
  let current = new URL(url);
  const maxRedirects = options.maxRedirects ?? 10;
  const method = options.method ?? 'GET';
  let headers = { ...options.headers };
  for (let hop = 0; ; hop++) {
    const res = await once(current, { ...options, headers });
    const location = res.headers.location;
    const redirect = res.statusCode !== undefined && [301, 302, 303, 307, 308].includes(res.statusCode);
    if (!redirect || location === undefined || !(method === 'GET' || method === 'HEAD')) {
      return { status: res.statusCode ?? 0, headers: res.headers, url: current.href, body: res };
    }
    res.resume();
    if (hop >= maxRedirects) {
      throw distError('DIST_HTTP_FAILED', `too many redirects from ${redactUrl(url)}`, { details: { url } });
    }
    const next = new URL(location, current);
    if (next.host !== current.host) {
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
    }
    current = next;
  }
}

/** Reads a whole (small) body, up to `maxBytes`. */
export async function readBody(res: HttpResponse, maxBytes = 16 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.body.destroy();
      throw distError('DIST_DOWNLOAD_TOO_LARGE', `${redactUrl(res.url)} sent more than ${maxBytes} bytes`, {
        details: { url: redactUrl(res.url), maxBytes },
      });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function statusError(res: HttpResponse, what: string) {
  res.body.resume();
  return distError('DIST_HTTP_STATUS', `${what} ${redactUrl(res.url)}: HTTP ${res.status}`, {
    hint: res.status === 404 ? 'check the URL' : 'the server refused the request',
    details: { url: redactUrl(res.url), status: res.status },
  });
}
