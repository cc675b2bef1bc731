import { Helm4Error } from '@helm4/errors';
import { WASM_CODES } from '../codes.js';
import { readModule } from '../wasm/module.js';
import { MalformedWasmError } from '../wasm/reader.js';
import { ModuleRejection, type RewrittenModule, rewritePluginModule, WASI_MODULE } from '../wasm/rewrite.js';
import { type ImportPolicy, unresolvedImports } from './imports.js';

export interface PrepareOptions extends ImportPolicy {
  maxPages: number;
  entryFuncName: string;
  /** For messages. */
  plugin: string;
}

/** A plugin module compiled for this process: the rewritten module and what the worker needs to know of it. */
export interface PreparedModule extends Omit<RewrittenModule, 'bytes' | 'imports'> {
  key: string;
  module: WebAssembly.Module;
  /** The WASI functions the module imports. */
  wasiImports: readonly string[];
}

/**
 * Modules up to this size are compiled synchronously: V8's async compilation hands its result back a task later
 * (~14 ms idle for a 10 KiB module in `helm <plugin>` on 2 cores), longer than compiling a small module takes.
 * Bigger ones (Go, TinyGo) are compiled off the thread.
 */
const SYNC_COMPILE_BYTES = 1024 * 1024;

interface CacheEntry {
  bytes: Uint8Array;
  policy: string;
  prepared: Promise<PreparedModule>;
}

/** Cached modules by fingerprint; a hit is a byte-for-byte equal module prepared with the same settings. */
const cache = new Map<string, CacheEntry[]>();
let lastKey = 0;

/**
 * Validates, rewrites (limits, hooks) and compiles a plugin module once per process: the cache is keyed by the
 * module's bytes (found by a cheap fingerprint, then compared in full, so no hash function has to be loaded) and
 * the settings the rewrite depends on, so any number of plugin instances, and every call, share one compiled
 * module. Failures are coded Helm4Errors and are not cached.
 */
export function prepareModule(bytes: Uint8Array, options: PrepareOptions): Promise<PreparedModule> {
  const policy = `${options.maxPages}|${options.entryFuncName}|${options.wasi}|${[...options.hostFunctions].sort()}`;
  const fp = fingerprint(bytes);
  const entries = cache.get(fp) ?? [];
  const hit = entries.find((e) => e.policy === policy && Buffer.compare(e.bytes, bytes) === 0);
  if (hit !== undefined) return hit.prepared;
  const entry: CacheEntry = { bytes, policy, prepared: compile(bytes, options, `m${++lastKey}`) };
  entries.push(entry);
  cache.set(fp, entries);
  entry.prepared.catch(() => {
    const i = entries.indexOf(entry);
    if (i !== -1) entries.splice(i, 1);
  });
  return entry.prepared;
}

/** Forgets every compiled module (tests, long-running hosts that unload plugins). */
export function clearCompileCache(): void {
  cache.clear();
}

/** The length and an FNV-1a hash of at most 3 KiB of samples: enough to tell plugin modules apart. */
function fingerprint(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  const mix = (from: number) => {
    const end = Math.min(bytes.length, from + 1024);
    for (let i = Math.max(0, from); i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  };
  mix(0);
  mix((bytes.length >> 1) - 512);
  mix(bytes.length - 1024);
  return `${bytes.length}:${(h >>> 0).toString(16)}`;
}

async function compile(bytes: Uint8Array, options: PrepareOptions, key: string): Promise<PreparedModule> {
  const plugin = JSON.stringify(options.plugin);
  if (!WebAssembly.validate(bytes)) {
    let reason = 'invalid module';
    try {
      await WebAssembly.compile(bytes);
    } catch (err) {
      reason = err instanceof Error ? err.message : String(err);
    }
    throw new Helm4Error(
      WASM_CODES.wasmInvalid,
      `plugin.wasm of plugin ${plugin} is not a valid Wasm module: ${reason}`,
      {
        details: { plugin: options.plugin },
      },
    );
  }
  let rewritten: RewrittenModule;
  try {
    const problems = unresolvedImports(readModule(bytes), options);
    if (problems.length > 0) {
      throw new Helm4Error(
        WASM_CODES.wasmLink,
        `plugin ${plugin} imports what this host does not provide: ${problems.join('; ')}`,
        {
          details: { plugin: options.plugin, imports: problems },
          hint: 'Extism plugins may import extism:host/env, WASI preview1 and the host functions they declare',
        },
      );
    }
    rewritten = rewritePluginModule(bytes, options);
  } catch (err) {
    throw rejection(err, options);
  }
  const { bytes: rewrittenBytes, imports, ...facts } = rewritten;
  const wasiImports = imports.filter((i) => i.module === WASI_MODULE).map((i) => i.name);
  let module: WebAssembly.Module;
  try {
    module =
      rewrittenBytes.length <= SYNC_COMPILE_BYTES
        ? new WebAssembly.Module(rewrittenBytes)
        : await WebAssembly.compile(rewrittenBytes);
  } catch (err) {
    throw new Helm4Error(WASM_CODES.wasmInvalid, `plugin ${plugin}: compiling plugin.wasm failed: ${String(err)}`, {
      cause: err,
      details: { plugin: options.plugin },
    });
  }
  return { key, module, wasiImports, ...facts };
}

function rejection(err: unknown, options: PrepareOptions): unknown {
  const details = { plugin: options.plugin };
  if (err instanceof ModuleRejection) {
    const code =
      err.reason === 'no-entry'
        ? WASM_CODES.noEntry
        : err.reason === 'entry-signature'
          ? WASM_CODES.badEntry
          : err.reason === 'memory-min'
            ? WASM_CODES.memoryLimit
            : WASM_CODES.wasmLink;
    return new Helm4Error(code, `plugin ${JSON.stringify(options.plugin)}: ${err.message}`, { details, cause: err });
  }
  if (err instanceof MalformedWasmError) {
    return new Helm4Error(WASM_CODES.wasmInvalid, `plugin ${JSON.stringify(options.plugin)}: ${err.message}`, {
      details,
      cause: err,
    });
  }
  return err;
}
