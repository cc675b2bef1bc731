import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Helm4Error, wrapError } from '@helm4/errors';
import type { LoadedPlugin } from '@helm4/manifest';
import type { HookEvent, InvokeInput, InvokeOutput, PluginInstance, PluginTypeBinding, Runtime } from '@helm4/runtime';
import { RUNTIME_CODES } from '@helm4/runtime';
import { WASM_CODES } from './codes.js';
import { prepareModule } from './compile/compile-cache.js';
import { normalisedConfig } from './config-check.js';
import { parseAllowedHost } from './host/allowed-hosts.js';
import { sharedInlineRunner } from './host/inline-runner.js';
import { sharedWorkerPool, type WorkerPool } from './host/worker-pool.js';
import {
  type GuestLog,
  type HostFunction,
  invokeGuest,
  type LogLevel,
  type PluginCallContext,
} from './invoke/invoke.js';
import { type EffectiveLimits, effectiveLimits } from './limits.js';
import type { ExtismRuntimeConfig } from './runtime-config.js';

/** The Wasm file of an extism/v1 plugin (Helm's ExtismV1WasmBinaryFilename). */
export const WASM_FILE = 'plugin.wasm';

export interface ExtismRuntimeOptions {
  /**
   * Host functions (namespace `extism:host/user`, `(i64) -> i64` over Extism memory) a plugin may ask for in
   * runtimeConfig.hostFunctions. Helm provides none, so by default any requested one fails at load.
   */
  hostFunctions?: Readonly<Record<string, HostFunction>>;
  /** What a 0 (absent) limit in runtimeConfig means (DEFAULT_LIMITS otherwise). */
  defaults?: Partial<EffectiveLimits>;
  /** Allow WASI imports (Helm always does). */
  wasi?: boolean;
  /** Receives the guests' log lines (Extism log_*); without it they are dropped. */
  onLog?: (log: GuestLog) => void;
  /** The least level forwarded to onLog (`info` by default). */
  logLevel?: LogLevel;
  /** Where fileSystem.createTempDir dirs are made (os.tmpdir() by default). */
  tempDir?: string;
  /** The workers guests run in (a process-wide pool by default). */
  pool?: WorkerPool;
  /**
   * The plugin types this runtime can invoke, each from its package (`@helm4/plugin-type-<type>/runtime`); a plugin
   * of another type fails with RUNTIME_UNSUPPORTED_TYPE when invoked.
   */
  types?: readonly PluginTypeBinding[];
  /**
   * Run a call on the calling thread instead of a guest worker when nothing in it needs the host while the guest
   * runs (no host functions, no allowedHosts, no AbortSignal, no WASI sleep or stdin read): no worker to start,
   * which is most of a one-shot run's time. Its timeout still stops the guest (node:vm's watchdog), but the
   * thread is busy while the guest runs. For one-shot hosts such as the helm CLI; off by default.
   */
  runOnCallingThread?: boolean;
}

/**
 * The `extism/v1` runtime: `<plugin dir>/plugin.wasm` run through @extism/extism in supervised worker threads,
 * a fresh instance per call and one compile per module per process, with limits that hold (docs/compat.md).
 */
export function createExtismRuntime(options: ExtismRuntimeOptions = {}): Runtime {
  const hostFunctions = options.hostFunctions ?? {};
  return {
    name: 'extism/v1',
    async createPlugin(plugin: LoadedPlugin): Promise<PluginInstance> {
      const { metadata } = plugin;
      const pool = options.pool ?? sharedWorkerPool();
      if (metadata.runtime !== 'extism/v1') {
        throw new Helm4Error(
          RUNTIME_CODES.mismatch,
          `plugin ${JSON.stringify(metadata.name)} uses runtime ${JSON.stringify(metadata.runtime)}, not "extism/v1"`,
          { details: { plugin: metadata.name, runtime: metadata.runtime } },
        );
      }
      const config = await runtimeConfigOf(plugin);
      const callingThread = options.runOnCallingThread === true ? sharedInlineRunner() : undefined;
      // A worker takes ~80 ms to start: let it boot while the module is read and compiled, unless the calls will
      // likely run on this thread.
      const needsHost = config.allowedHosts.length > 0 || config.hostFunctions.length > 0;
      if (callingThread === undefined || needsHost) pool.warm();
      const missing = config.hostFunctions.filter((name) => !Object.hasOwn(hostFunctions, name));
      if (missing.length > 0) {
        throw new Helm4Error(
          WASM_CODES.hostFunctionNotFound,
          `plugin ${JSON.stringify(metadata.name)} requested host function ${JSON.stringify(missing[0])}, which this host does not provide`,
          { details: { plugin: metadata.name, hostFunctions: missing } },
        );
      }
      const limits = effectiveLimits(config, options.defaults);
      const bytes = await readWasm(plugin);
      const prepared = await prepareModule(bytes, {
        plugin: metadata.name,
        maxPages: limits.maxPages,
        entryFuncName: config.entryFuncName,
        wasi: options.wasi ?? true,
        hostFunctions: new Set(config.hostFunctions),
      });
      // A guest that sleeps or reads its input runs in a worker after all (canRunOnCallingThread).
      if (callingThread !== undefined && ['poll_oneoff', 'fd_read'].some((f) => prepared.wasiImports.includes(f))) {
        pool.warm();
      }
      const ctx: PluginCallContext = {
        name: metadata.name,
        type: metadata.type,
        types: options.types ?? [],
        config,
        limits,
        prepared,
        pool,
        callingThread,
        http: { rules: config.allowedHosts.map(parseAllowedHost), maxResponseBytes: limits.maxHttpResponseBytes },
        hostFunctions: Object.fromEntries(config.hostFunctions.map((n) => [n, hostFunctions[n] as HostFunction])),
        logLevel: options.logLevel ?? 'info',
        onLog: options.onLog,
        tempRoot: options.tempDir,
      };
      return {
        dir: plugin.dir,
        metadata,
        invoke<I, O>(input: InvokeInput<I>): Promise<InvokeOutput<O>> {
          return invokeGuest<O>(ctx, input);
        },
        // Helm runs no hooks for Wasm plugins.
        invokeHook(_event: HookEvent): Promise<void> {
          return Promise.resolve();
        },
      };
    },
  };
}

/** The runtimeConfig, re-checked: a LoadedPlugin may come from the plugin index cache or be built by hand. */
async function runtimeConfigOf(plugin: LoadedPlugin): Promise<ExtismRuntimeConfig> {
  const normalised = normalisedConfig(plugin.metadata.runtimeConfig);
  if (normalised !== undefined) return normalised;
  const { parseExtismRuntimeConfig } = await import('./runtime-config.js');
  const { value, issues } = parseExtismRuntimeConfig(plugin.metadata.runtimeConfig);
  if (value === undefined) {
    throw new Helm4Error(
      RUNTIME_CODES.invalidConfig,
      `invalid runtimeConfig for plugin ${JSON.stringify(plugin.metadata.name)}: ${issues.map((i) => i.message).join('; ')}`,
      { details: { plugin: plugin.metadata.name, issues } },
    );
  }
  return value;
}

/**
 * `plugin.wasm` (Helm 4), else HIP-0026's distribution layout `<name>.wasm` when `plugin.wasm` does not exist;
 * `plugin.wasm` wins when both do. Helm 4 itself only reads `plugin.wasm` (`helm plugin package` warns).
 */
async function readWasm(plugin: LoadedPlugin): Promise<Uint8Array> {
  const path = join(plugin.dir, WASM_FILE);
  try {
    return await readFile(path);
  } catch (err) {
    // The name is a plain file name for any plugin the loader made (`[A-Za-z0-9_-]+`); a hand-made one may not be.
    if ((err as { code?: unknown }).code === 'ENOENT' && /^[A-Za-z0-9_-]+$/.test(plugin.metadata.name)) {
      const hip = await readFile(join(plugin.dir, `${plugin.metadata.name}.wasm`)).catch(() => undefined);
      if (hip !== undefined) return hip;
    }
    throw wrapError(
      WASM_CODES.wasmMissing,
      `wasm binary missing for extism/v1 plugin ${JSON.stringify(plugin.metadata.name)}: ${JSON.stringify(path)}`,
      err,
    );
  }
}
