import type { PluginTypeDefinition } from '@helm4/manifest';
import { parseGetterConfig } from './config.js';

/** The getter/v1 plugin type: a plugin that downloads URLs of the schemes it lists. */
export const getterPluginType: PluginTypeDefinition = {
  type: 'getter/v1',
  aliases: ['download.plugins.helm.sh/v1'],
  parseConfig: parseGetterConfig,
};
