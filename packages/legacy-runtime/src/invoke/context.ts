import type { SubprocessRuntimeConfig } from '@helm4/manifest';
import type { GoPlatform } from '../command/platform.js';

/** What an invocation needs to know about its plugin and runtime. */
export interface PluginContext {
  name: string;
  /** The plugin directory as loaded (HELM_PLUGIN_DIR). */
  dir: string;
  config: SubprocessRuntimeConfig;
  maxOutputBytes: number;
  platform: GoPlatform;
}
