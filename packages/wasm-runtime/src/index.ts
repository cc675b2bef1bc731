import type {} from './wasm-globals.js';

export type { WasmCode } from './codes.js';
export { WASM_CODES } from './codes.js';
export { clearCompileCache } from './compile/compile-cache.js';
export { extismRuntime } from './definition.js';
export type { ExtismRuntimeOptions } from './extism-runtime.js';
export { createExtismRuntime, WASM_FILE } from './extism-runtime.js';
export type { HostRule } from './host/allowed-hosts.js';
export { isHostAllowed, parseAllowedHost } from './host/allowed-hosts.js';
export { sharedWorkerPool, WorkerPool } from './host/worker-pool.js';
export type { GuestLog, HostFunction, LogLevel } from './invoke/invoke.js';
export type { EffectiveLimits } from './limits.js';
export { DEFAULT_LIMITS, effectiveLimits } from './limits.js';
export type { ExtismRuntimeConfig } from './runtime-config.js';
export {
  DEFAULT_ENTRY_FUNC_NAME,
  extismRuntimeConfigSchema,
  MAX_WASM_PAGES,
  parseExtismRuntimeConfig,
} from './runtime-config.js';
