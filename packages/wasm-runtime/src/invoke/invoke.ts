import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { Helm4Error, wrapError } from '@helm4/errors';
import {
  bindingOf,
  type InvokeInput,
  type InvokeOutput,
  type PluginTypeBinding,
  RUNTIME_CODES,
  readInputMessage,
} from '@helm4/runtime';
import { WASM_CODES } from '../codes.js';
import type { PreparedModule } from '../compile/compile-cache.js';
import { type CallHandlers, CallStopped } from '../host/call.js';
import type { HttpPolicy } from '../host/http.js';
import type { InlineRunner } from '../host/inline-runner.js';
import type { WorkerPool } from '../host/worker-pool.js';
import type { EffectiveLimits } from '../limits.js';
import type { ExtismRuntimeConfig } from '../runtime-config.js';
import type { CallMessage, SyncReply, SyncRequest } from '../worker/protocol.js';
import { guestFailureError, stoppedError } from './failures.js';
import { decodeOutput } from './messages.js';

/** A host function: bytes from the guest in, bytes (or a string, UTF-8) back. Runs on the host's thread. */
export type HostFunction = (
  input: Uint8Array,
  context: { plugin: string },
) => Uint8Array | string | Promise<Uint8Array | string>;

export type LogLevel = CallMessage['logLevel'];

/** A log line of a guest (Extism log_* functions), or of the Extism SDK about it. */
export interface GuestLog {
  plugin: string;
  level: string;
  message: string;
}

/** Everything a call of one plugin needs. */
export interface PluginCallContext {
  name: string;
  type: string;
  /** The plugin types the runtime was given. */
  types: readonly PluginTypeBinding[];
  config: ExtismRuntimeConfig;
  limits: EffectiveLimits;
  prepared: PreparedModule;
  pool: WorkerPool;
  /** Runs the calls that can on the calling thread (ExtismRuntimeOptions.runOnCallingThread). */
  callingThread: InlineRunner | undefined;
  http: HttpPolicy;
  hostFunctions: Readonly<Record<string, HostFunction>>;
  logLevel: LogLevel;
  onLog: ((log: GuestLog) => void) | undefined;
  tempRoot: string | undefined;
}

/**
 * One invocation, as Helm's RuntimeExtismV1.Invoke: a fresh instance, the type's JSON message in the Extism
 * input, its JSON message from the output, a temp dir at /tmp when asked for. Never throws anything but
 * Helm4Errors.
 */
export async function invokeGuest<O>(ctx: PluginCallContext, input: InvokeInput): Promise<InvokeOutput<O>> {
  const binding = bindingOf(ctx.types, ctx.type, 'extism/v1', ctx.name);
  if (binding.wasm === undefined) {
    throw new Helm4Error(RUNTIME_CODES.unsupportedType, `plugin type ${JSON.stringify(ctx.type)} cannot run as Wasm`, {
      details: { plugin: ctx.name, type: ctx.type },
    });
  }
  const message = readInputMessage(binding, input.message, ctx.name);
  let tempDir: string | undefined;
  if (ctx.config.fileSystem.createTempDir) {
    try {
      tempDir = await mkdtemp(join(ctx.tempRoot ?? tmpdir(), 'helm-plugin-'));
    } catch (err) {
      throw wrapError(WASM_CODES.tempDir, `creating the temp dir of plugin ${JSON.stringify(ctx.name)}`, err);
    }
  }
  const writes = new StreamWrites();
  try {
    const runner = ctx.callingThread !== undefined && canRunOnCallingThread(ctx, input) ? ctx.callingThread : ctx.pool;
    const result = await runner
      .run(
        {
          key: ctx.prepared.key,
          entry: '__helm_entry',
          message,
          config: ctx.config.config,
          memory: {
            maxPages: ctx.limits.maxPages,
            maxHttpResponseBytes: ctx.limits.maxHttpResponseBytes,
            maxVarBytes: ctx.limits.maxVarBytes,
          },
          wasi: ctx.prepared.wasi,
          initialize: ctx.prepared.initialize,
          startSection: ctx.prepared.startSection,
          growHook: ctx.prepared.growHook,
          env: { ...(input.env ?? {}) },
          preopens: tempDir === undefined ? {} : { '/tmp': tempDir },
          stdin: input.stdin !== undefined,
          hostFunctions: Object.keys(ctx.hostFunctions),
          logLevel: ctx.onLog === undefined ? 'silent' : ctx.logLevel,
        },
        ctx.prepared.module,
        handlers(ctx, input, writes),
        { timeoutMs: ctx.limits.timeoutMs, signal: input.signal },
      )
      .catch((err: unknown) => {
        throw err instanceof CallStopped ? stoppedError(err, ctx.name) : err;
      });
    await writes.flushed();
    if (!result.ok) throw guestFailureError(result.failure, ctx.name, ctx.limits.maxPages);
    if (result.rc !== 0) {
      throw new Helm4Error(RUNTIME_CODES.exit, `plugin ${JSON.stringify(ctx.name)} returned ${result.rc}`, {
        details: { plugin: ctx.name, exitCode: result.rc },
      });
    }
    return { message: decodeOutput(binding, result.output, ctx.name, result.exited) as O };
  } finally {
    // A stdin we read from is left paused, so it does not keep the process alive (process.stdin).
    if (writes.stdinUsed) input.stdin?.pause();
    if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * A call can run on the calling thread when nothing in it waits for the host while the guest runs, and its
 * timeout can stop it there: no host functions, no allowed hosts (every HTTP request is refused at once), no
 * AbortSignal (an abort must be able to stop the guest at any moment), no WASI sleep and no stdin read (both
 * block in the OS, where a timeout cannot reach).
 */
export function canRunOnCallingThread(ctx: PluginCallContext, input: InvokeInput): boolean {
  const wasi = ctx.prepared.wasiImports;
  return (
    Object.keys(ctx.hostFunctions).length === 0 &&
    ctx.http.rules.length === 0 &&
    input.signal === undefined &&
    !wasi.includes('poll_oneoff') &&
    (input.stdin === undefined || !wasi.includes('fd_read'))
  );
}

function handlers(ctx: PluginCallContext, input: InvokeInput, writes: StreamWrites): CallHandlers {
  return {
    onOutput(fd, bytes) {
      const stream = fd === 1 ? input.stdout : input.stderr;
      if (stream !== undefined) writes.write(stream, bytes);
    },
    onLog(level, message) {
      ctx.onLog?.({ plugin: ctx.name, level, message });
    },
    onRequest(request: SyncRequest, signal: AbortSignal): Promise<SyncReply> {
      switch (request.kind) {
        case 'stdin': {
          const stdin = input.stdin;
          if (stdin === undefined) return Promise.resolve({ ok: true, bytes: new Uint8Array(0) });
          writes.stdinUsed = true;
          return import('../host/stdin.js').then(({ readUpTo }) =>
            readUpTo(stdin, request.max, signal).then((bytes) => ({ ok: true, bytes: copy(bytes) })),
          );
        }
        case 'http':
          // Loaded on first use: most plugins make no HTTP requests.
          return import('../host/http.js').then(({ guestHttpRequest }) => guestHttpRequest(request, ctx.http, signal));
        case 'host':
          return callHostFunction(ctx, request.name, request.input);
      }
    },
  };
}

async function callHostFunction(ctx: PluginCallContext, name: string, input: Uint8Array): Promise<SyncReply> {
  const fn = Object.hasOwn(ctx.hostFunctions, name) ? ctx.hostFunctions[name] : undefined;
  try {
    if (fn === undefined) throw new Error('not provided');
    const out = await fn(input, { plugin: ctx.name });
    return { ok: true, bytes: typeof out === 'string' ? new TextEncoder().encode(out) : copy(out) };
  } catch (err) {
    return {
      ok: false,
      failure: { kind: 'host-function', name, message: err instanceof Error ? err.message : String(err) },
    };
  }
}

/** A copy in a buffer of its own (it is transferred to the worker). */
function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/** Writes to the plugin's stdout/stderr, remembering when the last one has been flushed. */
class StreamWrites {
  #pending: Promise<void>[] = [];
  /** The guest read from stdin. */
  stdinUsed = false;

  write(stream: Writable, bytes: Uint8Array): void {
    this.#pending.push(
      new Promise<void>((resolve) => {
        try {
          stream.write(bytes, () => resolve());
        } catch {
          resolve();
        }
      }),
    );
  }

  async flushed(): Promise<void> {
    await Promise.all(this.#pending);
  }
}
