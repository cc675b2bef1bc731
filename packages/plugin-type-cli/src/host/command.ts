import type { PluginMetadata } from '@helm4/manifest/loader';

/** The cli/v1 config fields the host uses, read without the config schema (it is already normalised at load). */
export interface CliCommandConfig {
  usage: string;
  shortHelp: string;
  longHelp: string;
  ignoreFlags: boolean;
}

export function cliCommandConfig(metadata: Pick<PluginMetadata, 'config'>): CliCommandConfig {
  const c = metadata.config;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    usage: str(c['usage']),
    shortHelp: str(c['shortHelp']),
    longHelp: str(c['longHelp']),
    ignoreFlags: c['ignoreFlags'] === true,
  };
}

/** cobra `Use`: `config.usage`, or the plugin name when it is empty. */
export function cliUsage(metadata: Pick<PluginMetadata, 'name' | 'config'>): string {
  return cliCommandConfig(metadata).usage || metadata.name;
}

/**
 * The `helm <name>` a cli/v1 plugin answers to: cobra's `Command.Name()`, the text of `Use` before its first
 * space (so `usage: "hello [params]..."` gives `hello`), or the plugin name when `usage` is empty.
 */
export function cliCommandName(metadata: Pick<PluginMetadata, 'name' | 'config'>): string {
  const use = cliUsage(metadata);
  const space = use.indexOf(' ');
  return space >= 0 ? use.slice(0, space) : use;
}

/** cobra `Short`: `config.shortHelp`, or `the "<name>" plugin` when it is empty. */
export function cliShortHelp(metadata: Pick<PluginMetadata, 'name' | 'config'>): string {
  return cliCommandConfig(metadata).shortHelp || `the ${JSON.stringify(metadata.name)} plugin`;
}
