export type {
  MessageIssue,
  PluginTypeBinding,
  SubprocessBinding,
  SubprocessCall,
  SubprocessSpec,
  WasmMessageBinding,
} from './bindings.js';
export type { RuntimeCode } from './codes.js';
export { RUNTIME_CODES } from './codes.js';
export { bindingOf, isJsonObject, readInputMessage, readString, readStringList } from './messages.js';
export type { HookEvent, HookOptions, InvokeInput, InvokeOutput, PluginInstance, Runtime } from './runtime.js';
