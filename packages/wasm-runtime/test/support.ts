import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { cliRuntimeBinding } from '@helm4/plugin-type-cli/runtime';
import { getterRuntimeBinding } from '@helm4/plugin-type-getter/runtime';
import { postRendererRuntimeBinding } from '@helm4/plugin-type-postrenderer/runtime';
import type { PluginInstance, PluginTypeBinding } from '@helm4/runtime';
import { expect } from 'vitest';
import { listenLocal } from '../../../test-support/servers/listen.js';
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
  const server = createServer(handler);
  const { port, close } = await listenLocal(server);
  return {
    server,
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    [Symbol.asyncDispose]: close,
  };
}

/** The plugin types the tests run: the bindings of the three plugin-type packages, as a host gives them. */
export const TYPES: readonly PluginTypeBinding[] = [
  cliRuntimeBinding,
  getterRuntimeBinding,
  postRendererRuntimeBinding,
];
