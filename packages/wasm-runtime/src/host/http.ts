import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { proxyAgent } from '@helm4/net';
import type { GuestFailure, SyncReply } from '../worker/protocol.js';
import { type HostRule, refuseHttpRequest } from './allowed-hosts.js';

export interface HttpPolicy {
  rules: readonly HostRule[];
  /** Response bodies above this many bytes fail the call. */
  maxResponseBytes: number;
  /** Redirects followed (each hop checked against the rules). */
  maxRedirects?: number;
}

export interface GuestHttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const failed = (failure: GuestFailure): SyncReply => ({ ok: false, failure });

/**
 * The Extism `http_request` host function, run by the host for a guest: only http(s), only allowed hosts (every
 * redirect hop too: Extism follows redirects without checking), the body read up to the limit.
 */
export async function guestHttpRequest(
  req: GuestHttpRequest,
  policy: HttpPolicy,
  signal: AbortSignal,
): Promise<SyncReply> {
  const refused = refuseHttpRequest(req.url, policy.rules);
  if (refused !== undefined) return failed(refused);
  let url = new URL(req.url);
  let method = req.method;
  let body = req.body;
  const maxRedirects = policy.maxRedirects ?? 10;
  for (let hop = 0; ; hop++) {
    const hopRefused = hop === 0 ? undefined : refuseHttpRequest(url.href, policy.rules);
    if (hopRefused !== undefined) return failed(hopRefused);
    let response: Response;
    try {
      response = await send(url, method, req.headers, body, signal);
    } catch (err) {
      const reason = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
      return failed({ kind: 'http-failed', message: `HTTP ${method} ${url.href} failed: ${reason}`, url: url.href });
    }
    const location = response.headers.get('location');
    if (REDIRECTS.has(response.status) && location !== null && hop < maxRedirects) {
      await response.body?.cancel().catch(() => {});
      url = new URL(location, url);
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = null;
      }
      continue;
    }
    return readBody(response, url, policy.maxResponseBytes);
  }
}

async function readBody(response: Response, url: URL, limit: number): Promise<SyncReply> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (response.body !== null) {
      for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > limit) {
          await response.body.cancel().catch(() => {});
          return failed({
            kind: 'http-too-large',
            message: `the response from ${url.host} exceeds memory.maxHttpResponseBytes (${limit} bytes)`,
            url: url.href,
            limit,
          });
        }
        chunks.push(chunk);
      }
    }
  } catch (err) {
    return failed({
      kind: 'http-failed',
      message: `reading the response from ${url.href} failed: ${err instanceof Error ? err.message : String(err)}`,
      url: url.href,
    });
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes, status: response.status, headers };
}

/**
 * fetch without following redirects, through the proxy the environment names for `url` when there is one
 * (HTTP(S)_PROXY, NO_PROXY, as Go's transport under Extism would use it): Node's fetch ignores these, so a
 * proxied request goes over node:http and its answer is made a Response.
 */
async function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Uint8Array | null,
  signal: AbortSignal,
): Promise<Response> {
  const agent = proxyAgent(url);
  if (agent === undefined) {
    return fetch(url, {
      method,
      headers,
      redirect: 'manual',
      signal,
      ...(body === null ? {} : { body: Buffer.from(body) }),
    });
  }
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { method, headers, agent, signal },
      resolve,
    );
    request.on('error', reject);
    request.end(body === null ? undefined : Buffer.from(body));
  });
  const answer = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
    answer.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
  const status = res.statusCode ?? 502;
  const empty = method === 'HEAD' || [204, 205, 304].includes(status);
  if (empty) res.resume();
  return new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), {
    status,
    statusText: res.statusMessage ?? '',
    headers: answer,
  });
}
