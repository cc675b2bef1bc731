export type { CliConfig } from './config.js';
export { cliConfigSchema, parseCliConfig } from './config.js';
export { cliPluginType } from './definition.js';
export * from './host.js';
export type { CliInputMessage, CliOutputMessage } from './messages.js';
export { cliInputMessageSchema, cliOutputMessageSchema } from './messages.js';
