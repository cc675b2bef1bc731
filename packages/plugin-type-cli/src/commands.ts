/**
 * `@helm4/plugin-type-cli/commands`: only the command-name resolution of the host side, for start-up paths
 * that list or look up plugin commands without running or completing them (`helm plugin list`).
 */
export type { CliCommand, ResolvedCliCommands } from './host/commands.js';
export { resolveCliCommands } from './host/commands.js';
