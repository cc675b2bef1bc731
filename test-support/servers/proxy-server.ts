import { createServer, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { listenLocal } from './listen.js';

export interface TestProxy {
  url: string;
  /** What went through, in order: `GET http://host/path` (plain HTTP) or `CONNECT host:port` (a tunnel). */
  requests: string[];
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * A forward proxy on 127.0.0.1 (port 0) for tests: plain HTTP requests (absolute URLs) and CONNECT tunnels, each
 * sent to the local server `upstream` maps its `host:port` to (`127.0.0.1:port`), so a test can use names that
 * resolve nowhere. Unmapped hosts get 502.
 */
export async function forwardProxy(upstream: Readonly<Record<string, string>>): Promise<TestProxy> {
  const requests: string[] = [];
  const hostPort = (url: URL) => `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/');
    const target = upstream[hostPort(url)];
    if (target === undefined) return void res.writeHead(502).end('unknown upstream');
    const [host, port] = target.split(':');
    const forward = request(
      { host, port, method: req.method, path: url.pathname + url.search, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    requests.push(`CONNECT ${req.url}`);
    const target = upstream[req.url ?? ''];
    if (target === undefined) return void client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    const [host, port] = target.split(':');
    const up = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    listening.track(up);
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  const listening = await listenLocal(server);
  return {
    url: `http://127.0.0.1:${listening.port}`,
    requests,
    [Symbol.asyncDispose]: listening.close,
  };
}
