/*
 * `@helm4/legacy-runtime/runtime`: the subprocess runtime alone, for hosts that run plugins (`helm <plugin>`).
 * It loads neither zod nor the plugin.yaml decoders that the main entry exports with the runtime definition.
 */
export type { SubprocessRuntimeOptions } from './subprocess-runtime.js';
export { createSubprocessRuntime, DEFAULT_MAX_OUTPUT_BYTES } from './subprocess-runtime.js';
