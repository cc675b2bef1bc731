import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { Helm4Error } from '@helm4/errors';
import { proxyAgent } from '@helm4/net';
import type { GetterOptions } from '../messages.js';

/** One HTTP GET without following redirects. */
export interface HttpResponse {
  status: number;
  statusText: string;
  location: string | undefined;
  bytes(): Promise<Uint8Array>;
  discard(): Promise<void>;
}

export type Transport = (
  url: URL,
  headers: Readonly<Record<string, string>>,
  signal: AbortSignal | undefined,
) => Promise<HttpResponse>;

/** A transport over the WHATWG fetch (Node's global one, or one the caller passes). */
export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return async (url, headers, signal) => {
    const res = await fetchImpl(url, { headers, redirect: 'manual', ...(signal === undefined ? {} : { signal }) });
    return {
      status: res.status,
      statusText: res.statusText,
      location: res.headers.get('location') ?? undefined,
      bytes: async () => new Uint8Array(await res.arrayBuffer()),
      discard: async () => {
        await res.body?.cancel();
      },
    };
  };
}

/**
 * The TLS settings of Helm's HTTPGetter.httpClient: client certificate (when both files are given), CA bundle,
 * and InsecureSkipVerifyTLS. Undefined when none is set. Unreadable files are GETTER_TLS_CONFIG.
 */
export async function tlsSettings(options: GetterOptions): Promise<RequestOptions | undefined> {
  const useCert = options.CertFile !== '' && options.KeyFile !== '';
  if (!useCert && options.CAFile === '' && !options.InsecureSkipVerifyTLS) return undefined;
  const read = async (path: string) => {
    try {
      return await readFile(path);
    } catch (cause) {
      throw new Helm4Error('GETTER_TLS_CONFIG', `can't create TLS config for client: ${(cause as Error).message}`, {
        cause,
        details: { file: path },
      });
    }
  };
  return {
    ...(useCert ? { cert: await read(options.CertFile), key: await read(options.KeyFile) } : {}),
    ...(options.CAFile === '' ? {} : { ca: await read(options.CAFile) }),
    ...(options.InsecureSkipVerifyTLS ? { rejectUnauthorized: false } : {}),
  };
}

async function readAll(res: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A transport over node:http / node:https, used when TLS settings are needed or a proxy is configured (fetch takes
 * neither); each request goes through the proxy the environment names for its URL (HTTP(S)_PROXY, NO_PROXY).
 */
export function nodeTransport(tls: RequestOptions): Transport {
  return (url, headers, signal) =>
    new Promise((resolve, reject) => {
      const agent = proxyAgent(url);
      const options: RequestOptions = {
        headers: { ...headers },
        ...(signal === undefined ? {} : { signal }),
        ...(agent === undefined ? {} : { agent }),
      };
      const request = url.protocol === 'https:' ? httpsRequest(url, { ...options, ...tls }) : httpRequest(url, options);
      request.once('error', reject);
      request.once('response', (res) => {
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          location: res.headers.location,
          bytes: () => readAll(res),
          discard: async () => {
            res.resume();
          },
        });
      });
      request.end();
    });
}
