import { createHash } from 'node:crypto';
import { Helm4Error } from '@helm4/errors';
import { WASM_CODES } from '../codes.js';
import { readModule } from '../wasm/module.js';
import { MalformedWasmError } from '../wasm/reader.js';
import { ModuleRejection, type RewrittenModule, rewritePluginModule } from '../wasm/rewrite.js';
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
}

const cache = new Map<string, Promise<PreparedModule>>();

/**
 * Validates, rewrites (limits, hooks) and compiles a plugin module once per process: the cache is keyed by the
 * SHA-256 of its bytes and the settings the rewrite depends on, so any number of plugin instances, and every
 * call, share one compiled module. Failures are coded Helm4Errors and are not cached.
 */
export function prepareModule(bytes: Uint8Array, options: PrepareOptions): Promise<PreparedModule> {
  const policy = `${options.maxPages}|${options.entryFuncName}|${options.wasi}|${[...options.hostFunctions].sort()}`;
  const key = `${createHash('sha256').update(bytes).digest('hex')}|${policy}`;
  let prepared = cache.get(key);
  if (prepared === undefined) {
    prepared = compile(bytes, options, key);
    cache.set(key, prepared);
    prepared.catch(() => cache.delete(key));
  }
  return prepared;
}

/** Forgets every compiled module (tests, long-running hosts that unload plugins). */
export function clearCompileCache(): void {
  cache.clear();
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
  const { bytes: rewrittenBytes, imports: _imports, ...facts } = rewritten;
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(rewrittenBytes);
  } catch (err) {
    throw new Helm4Error(WASM_CODES.wasmInvalid, `plugin ${plugin}: compiling plugin.wasm failed: ${String(err)}`, {
      cause: err,
      details: { plugin: options.plugin },
    });
  }
  return { key, module, ...facts };
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
