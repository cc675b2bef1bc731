import { Helm4Error } from '@helm4/errors';
import type { LoadedPlugin } from '@helm4/manifest/loader';
import { cliRuntimeBinding } from '@helm4/plugin-type-cli/runtime';
import { getterRuntimeBinding } from '@helm4/plugin-type-getter/runtime';
import { postRendererRuntimeBinding } from '@helm4/plugin-type-postrenderer/runtime';
import type { InvokeInput, PluginInstance, PluginTypeBinding } from '@helm4/runtime';

/** The plugin types this helm runs, as each package binds them to the runtimes (see also registry.ts). */
const TYPES: readonly PluginTypeBinding[] = [cliRuntimeBinding, getterRuntimeBinding, postRendererRuntimeBinding];

/**
 * Binds a loaded plugin to its runtime. Runtimes are imported on first use only, so a command that runs no
 * plugin never loads them.
 */
let wasmRuntimeUsed = false;

export async function createPluginInstance(plugin: LoadedPlugin): Promise<PluginInstance> {
  const { runtime, name } = plugin.metadata;
  if (runtime === 'subprocess') {
    const { createSubprocessRuntime } = await import('@helm4/legacy-runtime/runtime');
    return createSubprocessRuntime({ types: TYPES }).createPlugin(plugin);
  }
  if (runtime === 'extism/v1') {
    const { createExtismRuntime } = await import('@helm4/wasm-runtime/runtime');
    wasmRuntimeUsed = true;
    // Each helm command is one run: a guest that needs nothing from helm while it runs is run on helm's own thread
    // rather than in a worker thread that would take longer to start than most plugins take to run.
    return createExtismRuntime({ types: TYPES, runOnCallingThread: true }).createPlugin(plugin);
  }
  throw new Helm4Error(
    'CLI_RUNTIME_UNAVAILABLE',
    `plugin ${JSON.stringify(name)} needs the ${runtime} runtime, which this helm cannot run`,
    { hint: 'plugins run with runtime: subprocess or extism/v1', details: { plugin: name, runtime } },
  );
}

/**
 * Lets the process end once a command's plugin calls are done: stops the idle Wasm guest workers if the Wasm
 * runtime was used (a one-shot CLI has no later call to keep them warm for, and they hold the event loop).
 */
export async function releaseRuntimes(): Promise<void> {
  if (!wasmRuntimeUsed) return;
  const { sharedWorkerPool } = await import('@helm4/wasm-runtime/runtime');
  sharedWorkerPool().close();
}

/** Runs `work`, then releases the runtimes it used. */
export async function withRuntimes<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    await releaseRuntimes();
  }
}

/**
 * The stdio of a cli/v1 plugin: a subprocess inherits helm's own when none are given (a terminal stays a
 * terminal); a Wasm guest is given helm's streams explicitly.
 */
export function cliStdio(plugin: LoadedPlugin): Pick<InvokeInput, 'stdin' | 'stdout' | 'stderr'> {
  if (plugin.metadata.runtime === 'subprocess') return {};
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
