export type { RuntimeCode } from './codes.js';
export { RUNTIME_CODES } from './codes.js';
export type { HookEvent, HookOptions, InvokeInput, InvokeOutput, PluginInstance, Runtime } from './runtime.js';
