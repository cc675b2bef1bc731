/* Test HTTP(S) servers on 127.0.0.1, port 0, closed (with their connections) after each test. */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** `http(s)://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Every request seen, in order. */
  requests: IncomingMessage[];
}

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(
    open.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

export const tlsFixture = (name: string): string => fileURLToPath(new URL(`./fixtures/tls/${name}`, import.meta.url));

async function listen(server: Server, scheme: 'http' | 'https', requests: IncomingMessage[]): Promise<TestServer> {
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `${scheme}://127.0.0.1:${port}`, port, requests };
}

export function startServer(handler: Handler): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  return listen(
    createHttpServer((req, res) => {
      requests.push(req);
      handler(req, res);
    }),
    'http',
    requests,
  );
}

/** An https server with the self-signed test certificate for 127.0.0.1. */
export function startHttpsServer(handler: Handler): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server = createHttpsServer(
    { cert: readFileSync(tlsFixture('server-cert.pem')), key: readFileSync(tlsFixture('server-key.pem')) },
    (req, res) => {
      requests.push(req);
      handler(req, res);
    },
  );
  return listen(server, 'https', requests);
}

/** A port nothing listens on (a server was bound to it and closed). */
export async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
