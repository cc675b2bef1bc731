import { listPlugins, type PluginList } from '@helm4/distribution';
import { loadSettings } from '@helm4/settings';
import { loadRegistry, registryFingerprint } from './registry.js';
import { renderPluginTable, renderQuarantineWarnings } from './render/plugin-list.js';

export interface PluginListFlags {
  type?: string | undefined;
  json?: boolean | undefined;
}

export function runPluginList(flags: PluginListFlags, env = process.env): Promise<PluginList> {
  return listPlugins({
    settings: loadSettings(env),
    ...(flags.type ? { type: flags.type } : {}),
    registry: loadRegistry,
    registryFingerprint: registryFingerprint(),
  });
}

export function printPluginList(list: PluginList, flags: PluginListFlags): void {
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  process.stdout.write(renderPluginTable(list));
  process.stderr.write(renderQuarantineWarnings(list));
}
