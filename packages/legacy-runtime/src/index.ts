export { goExpand, goExpandEnv } from './command/go-expand.js';
export type { GoPlatform } from './command/platform.js';
export { goPlatform } from './command/platform.js';
export type { PreparedCommand } from './command/prepare.js';
export { prepareCommand, selectPlatformCommand } from './command/prepare.js';
export { subprocessRuntime } from './definition.js';
export type { PlatformCommand, SubprocessProtocolCommand, SubprocessRuntimeConfig } from './runtime-config.js';
export {
  parseSubprocessRuntimeConfig,
  platformCommandSchema,
  protocolCommandSchema,
  subprocessRuntimeConfigSchema,
} from './runtime-config.js';
export type { SubprocessRuntimeOptions } from './subprocess-runtime.js';
export { createSubprocessRuntime, DEFAULT_MAX_OUTPUT_BYTES } from './subprocess-runtime.js';
