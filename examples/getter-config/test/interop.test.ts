import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmHomeWith, runRealHelm } from '../../interop-support.js';

async function startServer(body: Buffer) {
  const server = createServer((req, res) => {
    if (req.url === '/charts/app-1.0.0.tgz') res.end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('getter-config in the real Helm 4', () => {
  it('serves config:// to helm pull', async () => {
    using home = helmHomeWith(['getter-config']);
    const out = join(home.root, 'out');
    mkdirSync(out);
    const r = await runRealHelm(['pull', 'config://example/hello.bin', '-d', out], home.env);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'hello.bin'), 'utf8')).toBe('hi\n');
  });

  it('serves mirror:// over HTTP from an allowed host, and fails on a denied one', async () => {
    const body = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7) % 256));
    await using server = await startServer(body);
    using home = helmHomeWith(['getter-config']);
    const out = join(home.root, 'out');
    mkdirSync(out);
    const ok = await runRealHelm(
      ['pull', `mirror://127.0.0.1:${server.port}/charts/app-1.0.0.tgz`, '-d', out],
      home.env,
    );
    expect(ok.status).toBe(0);
    expect(readFileSync(join(out, 'app-1.0.0.tgz')).equals(body)).toBe(true);
    const denied = await runRealHelm(['pull', 'mirror://192.0.2.1/charts/app-1.0.0.tgz', '-d', out], home.env);
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('not allowed');
  });
});
