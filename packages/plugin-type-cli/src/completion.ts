/** `@helm4/plugin-type-cli/completion`: a cli/v1 plugin's dynamic shell completion (runs its plugin.complete). */
export type { DynamicCompletion, DynamicCompletionOptions } from './host/dynamic-completion.js';
export { parseDynamicCompletion, runDynamicCompletion } from './host/dynamic-completion.js';
