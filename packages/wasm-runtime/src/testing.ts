// `@helm4/wasm-runtime/testing`: helpers for testing Wasm plugins through the runtime.
export { loadWasmPluginDir } from './testing/load-plugin-dir.js';
