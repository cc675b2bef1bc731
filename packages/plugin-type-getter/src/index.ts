export type { GetterConfig } from './config.js';
export { getterConfigSchema, parseGetterConfig } from './config.js';
export { getterPluginType } from './definition.js';
export type { GetterInputMessage, GetterOptions, GetterOutputMessage } from './messages.js';
export {
  defaultGetterOptions,
  getterInputMessageSchema,
  getterOptionsSchema,
  getterOutputMessageSchema,
} from './messages.js';
export { protocolOf } from './protocol.js';
