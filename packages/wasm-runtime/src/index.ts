export { extismRuntime } from './definition.js';
export type { ExtismRuntimeConfig } from './runtime-config.js';
export {
  DEFAULT_ENTRY_FUNC_NAME,
  extismRuntimeConfigSchema,
  MAX_WASM_PAGES,
  parseExtismRuntimeConfig,
} from './runtime-config.js';
