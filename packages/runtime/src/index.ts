export type { HookEvent, HookOptions, InvokeInput, InvokeOutput, PluginInstance, Runtime } from './runtime.js';
