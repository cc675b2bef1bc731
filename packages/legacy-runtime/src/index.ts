export { subprocessRuntime } from './definition.js';
export type { PlatformCommand, SubprocessProtocolCommand, SubprocessRuntimeConfig } from './runtime-config.js';
export {
  parseSubprocessRuntimeConfig,
  platformCommandSchema,
  protocolCommandSchema,
  subprocessRuntimeConfigSchema,
} from './runtime-config.js';
