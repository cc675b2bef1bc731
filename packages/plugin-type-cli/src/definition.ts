import type { PluginTypeDefinition } from '@helm4/manifest';
import { parseCliConfig } from './config.js';

/** The cli/v1 plugin type: a plugin that becomes a `helm <name>` subcommand. */
export const cliPluginType: PluginTypeDefinition = {
  type: 'cli/v1',
  aliases: ['cli.plugins.helm.sh/v1'],
  parseConfig: parseCliConfig,
};
