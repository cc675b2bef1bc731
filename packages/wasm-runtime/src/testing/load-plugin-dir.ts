import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Helm4Error } from '@helm4/errors';
import { type LoadedPlugin, parseRawYaml } from '@helm4/manifest';

type Raw = Record<string, unknown>;

const isMap = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Loads an extism/v1 plugin directory for tests and SDK use without a host registry: reads plugin.yaml, keeps
 * the type's `config` as written (the plugin-type packages validate it in a real host) and leaves runtimeConfig
 * to the runtime, which validates it. A real host loads plugins with @helm4/manifest instead.
 */
export async function loadWasmPluginDir(dir: string): Promise<LoadedPlugin> {
  const path = join(dir, 'plugin.yaml');
  const { value, issues } = parseRawYaml(await readFile(path, 'utf8'));
  if (!isMap(value) || issues.length > 0) {
    throw new Helm4Error('MANIFEST_YAML_SYNTAX', `invalid plugin.yaml at ${path}`, { details: { issues } });
  }
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : '');
  if (text('runtime') !== 'extism/v1') {
    throw new Helm4Error('RUNTIME_MISMATCH', `${path}: runtime is ${JSON.stringify(text('runtime'))}, not "extism/v1"`);
  }
  return {
    dir,
    metadata: {
      apiVersion: 'v1',
      name: text('name'),
      type: text('type'),
      runtime: 'extism/v1',
      version: text('version'),
      sourceURL: text('sourceURL'),
      config: isMap(value['config']) ? value['config'] : {},
      runtimeConfig: isMap(value['runtimeConfig']) ? value['runtimeConfig'] : {},
    },
  };
}
