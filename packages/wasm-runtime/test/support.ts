import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { cliRuntimeBinding } from '@helm4/plugin-type-cli/runtime';
import { getterRuntimeBinding } from '@helm4/plugin-type-getter/runtime';
import { postRendererRuntimeBinding } from '@helm4/plugin-type-postrenderer/runtime';
import type { PluginInstance, PluginTypeBinding } from '@helm4/runtime';
import { expect } from 'vitest';
import { createExtismRuntime, type ExtismRuntimeOptions } from '../src/extism-runtime.js';
import { pluginDirs } from './plugins.js';

export const cliMessage = (...extraArgs: string[]) => ({ message: { extraArgs } });

/** A plugin instance of `wasm` (a fresh temp plugin dir per call). */
export function guestFactory() {
  const dirs = pluginDirs();
  return async function guest(
    wasm: Uint8Array,
    options: { type?: string; runtimeConfig?: Record<string, unknown>; runtime?: ExtismRuntimeOptions } = {},
  ): Promise<PluginInstance> {
    const plugin = dirs.plugin({
      wasm,
      ...(options.type === undefined ? {} : { type: options.type }),
      ...(options.runtimeConfig === undefined ? {} : { runtimeConfig: options.runtimeConfig }),
    });
    return createExtismRuntime({ types: TYPES, ...options.runtime }).createPlugin(plugin);
  };
}

/** Asserts a rejection with a Helm4Error code; returns the error. */
export async function rejectsWithCode(
  promise: Promise<unknown>,
  code: string,
): Promise<{ code: string; details?: Record<string, unknown> }> {
  const err = await promise.then(
    () => {
      throw new Error(`expected a rejection with ${code}, got a result`);
    },
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ code });
  return err as { code: string; details?: Record<string, unknown> };
}

/** An HTTP server on 127.0.0.1:0 whose sockets are destroyed on dispose (hanging requests included). */
export async function httpServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{
  server: Server;
  port: number;
  url: (path: string) => string;
  [Symbol.asyncDispose](): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  const server = createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    async [Symbol.asyncDispose]() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The plugin types the tests run: the bindings of the three plugin-type packages, as a host gives them. */
export const TYPES: readonly PluginTypeBinding[] = [
  cliRuntimeBinding,
  getterRuntimeBinding,
  postRendererRuntimeBinding,
];
