export type { PostRendererConfig } from './config.js';
export { parsePostRendererConfig, postRendererConfigSchema } from './config.js';
export { postRendererPluginType } from './definition.js';
export type { RunPostRendererOptions } from './host/run-post-renderer.js';
export { runPostRenderer } from './host/run-post-renderer.js';
export type { PostRendererInputMessage, PostRendererOutputMessage } from './messages.js';
export { postRendererInputMessageSchema, postRendererOutputMessageSchema } from './messages.js';
