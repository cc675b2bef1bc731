import type { PluginTypeDefinition } from '@helm4/manifest';
import { parsePostRendererConfig } from './config.js';

/** The postrenderer/v1 plugin type: a plugin that rewrites rendered manifests (`--post-renderer <name>`). */
export const postRendererPluginType: PluginTypeDefinition = {
  type: 'postrenderer/v1',
  aliases: ['postrender.plugins.helm.sh/v1'],
  parseConfig: parsePostRendererConfig,
};
