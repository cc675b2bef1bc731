/**
 * `@helm4/plugin-type-cli/host`: what a host needs to run cli/v1 plugins as `helm <name>` commands. It imports
 * neither zod nor a YAML parser (completion.yaml is parsed on demand), nor child_process (dynamic completion, which
 * runs the plugin, is `@helm4/plugin-type-cli/completion`), so it can sit on the CLI's start-up path.
 */
export type { CliHostCode } from './host/codes.js';
export { CLI_HOST_CODES } from './host/codes.js';
export type { CliCommandConfig } from './host/command.js';
export { cliCommandConfig, cliCommandName, cliShortHelp, cliUsage } from './host/command.js';
export type { CliCommand, ResolvedCliCommands } from './host/commands.js';
export { resolveCliCommands } from './host/commands.js';
export type { CompletionSpec } from './host/completion-spec.js';
export { DYNAMIC_COMPLETION_FILE, readCompletionSpec, STATIC_COMPLETION_FILE } from './host/completion-spec.js';
export type { SplitHelmArgs } from './host/split-args.js';
export { cliInputMessage, splitHelmArgs } from './host/split-args.js';
