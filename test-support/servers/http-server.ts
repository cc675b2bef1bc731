import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import path from 'node:path';
import { listenLocal } from './listen.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | undefined;

export interface TestServer {
  url: string;
  /** Request paths in order. */
  requests: string[];
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * A file server on 127.0.0.1 (port 0) for tests: serves `root`, after giving `handler` the first word on each
 * request. Sockets are tracked and destroyed on dispose, so a stalled response cannot keep the test alive.
 */
export async function serveFiles(
  root: string,
  handler?: Handler,
  tls?: { key: Buffer; cert: Buffer },
): Promise<TestServer> {
  const requests: string[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    requests.push(`${req.method} ${req.url}`);
    if (handler?.(req, res)) return;
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, path.normalize(rel));
    let size: number;
    try {
      const s = statSync(file);
      if (!s.isFile()) throw new Error('not a file');
      size = s.size;
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
  const server = tls === undefined ? createServer(listener) : createHttpsServer(tls, listener);
  const listening = await listenLocal(server);
  return {
    url: `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${listening.port}`,
    requests,
    [Symbol.asyncDispose]: listening.close,
  };
}

/**
 * A self-signed certificate for 127.0.0.1 and the host `names` (openssl), for HTTPS tests: key, cert and the file of
 * the cert.
 */
export function selfSignedCert(dir: string, names: string[] = []): { key: Buffer; cert: Buffer; certFile: string } {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'tls.key',
      '-out',
      'tls.crt',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      `subjectAltName=${['IP:127.0.0.1', ...names.map((n) => `DNS:${n}`)].join(',')}`,
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  return {
    key: readFileSync(path.join(dir, 'tls.key')),
    cert: readFileSync(path.join(dir, 'tls.crt')),
    certFile: path.join(dir, 'tls.crt'),
  };
}
