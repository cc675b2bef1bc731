import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { defaultGetterOptions } from '@helm4/plugin-type-getter';
import { getterRuntimeBinding } from '@helm4/plugin-type-getter/runtime';
import { createExtismRuntime } from '@helm4/wasm-runtime';
import { loadWasmPluginDir } from '@helm4/wasm-runtime/testing';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));

const options = (URL: string) => ({ ...defaultGetterOptions(), URL });

const message = (href: string) => ({ href, protocol: new URL(href).protocol.slice(0, -1), options: options(href) });

async function getter() {
  return createExtismRuntime({ types: [getterRuntimeBinding] }).createPlugin(await loadWasmPluginDir(dir));
}

const decoded = (out: { message: unknown }) => Buffer.from((out.message as { data: string }).data, 'base64');

async function startServer(body: Buffer) {
  const server = createServer((req, res) => {
    if (req.url === '/charts/app-1.0.0.tgz') res.end(body);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('getter-config through the runtime', () => {
  it('serves config:// from runtimeConfig.config, text and base64', async () => {
    const plugin = await getter();
    expect(decoded(await plugin.invoke({ message: message('config://example/values.yaml') })).toString()).toBe(
      'replicaCount: 2\nimage:\n  tag: from-config\n',
    );
    expect(decoded(await plugin.invoke({ message: message('config://hello.bin') })).toString()).toBe('hi\n');
  });

  it('fails with the plugin error for an unknown key', async () => {
    const plugin = await getter();
    await expect(plugin.invoke({ message: message('config://example/nope') })).rejects.toMatchObject({
      code: 'RUNTIME_PLUGIN_ERROR',
    });
  });

  it('serves mirror:// over HTTP from an allowed host, binary intact', async () => {
    const body = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    await using server = await startServer(body);
    const plugin = await getter();
    const out = await plugin.invoke({ message: message(`mirror://127.0.0.1:${server.port}/charts/app-1.0.0.tgz`) });
    expect(decoded(out).equals(body)).toBe(true);
    await expect(
      plugin.invoke({ message: message(`mirror://127.0.0.1:${server.port}/missing.tgz`) }),
    ).rejects.toMatchObject({ code: 'RUNTIME_PLUGIN_ERROR' });
  });

  it('is denied hosts outside allowedHosts, and keeps working', async () => {
    await using server = await startServer(Buffer.from('x'));
    const plugin = await getter();
    await expect(
      plugin.invoke({ message: message('mirror://example.com/charts/app-1.0.0.tgz') }),
    ).rejects.toMatchObject({
      code: 'RUNTIME_HTTP_DENIED',
    });
    const out = await plugin.invoke({ message: message(`mirror://127.0.0.1:${server.port}/charts/app-1.0.0.tgz`) });
    expect(decoded(out).toString()).toBe('x');
  });
});
