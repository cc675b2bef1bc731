export type { GetterConfig } from './config.js';
export { getterConfigSchema, parseGetterConfig } from './config.js';
export { defaultGetterOptions, GETTER_OPTION_DEFAULTS } from './defaults.js';
export { getterPluginType } from './definition.js';
export type { FetchWithGettersOptions } from './host/fetch-with-getters.js';
export { fetchWithGetters } from './host/fetch-with-getters.js';
export type { BuiltinScheme, GetterProvider } from './host/providers.js';
export { BUILTIN_SCHEMES, getterSchemes, providerFor } from './host/providers.js';
export type { GetterInputMessage, GetterOptions, GetterOutputMessage } from './messages.js';
export {
  getterInputMessageSchema,
  getterOptionsSchema,
  getterOutputMessageSchema,
} from './messages.js';
export { protocolOf } from './protocol.js';
