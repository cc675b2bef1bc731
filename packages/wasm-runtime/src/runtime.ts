/*
 * `@helm4/wasm-runtime/runtime`: what a host needs to invoke extism/v1 plugins, and nothing that parses
 * plugin.yaml (no zod, no YAML): the entry for `helm <plugin>`'s start-up path. The package root adds the
 * registry definition (extismRuntime) and the runtimeConfig schema.
 */
import type {} from './wasm-globals.js';

export type { WasmCode } from './codes.js';
export { WASM_CODES } from './codes.js';
export { clearCompileCache } from './compile/compile-cache.js';
export type { ExtismRuntimeOptions } from './extism-runtime.js';
export { createExtismRuntime, WASM_FILE } from './extism-runtime.js';
export { sharedWorkerPool, WorkerPool } from './host/worker-pool.js';
export type { GuestLog, HostFunction, LogLevel } from './invoke/invoke.js';
export type { EffectiveLimits } from './limits.js';
export { DEFAULT_LIMITS } from './limits.js';
