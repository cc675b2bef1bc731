import path from 'node:path';
import type { LoadedPlugin, ManifestPartial } from '@helm4/manifest';
import { pluginDirs } from '@helm4/settings';
import { distError } from '../codes.js';
import type { PluginOperationOptions } from './options.js';

/** An installed plugin found by name: loaded, or quarantined (invalid plugin.yaml) with the name it claims. */
export type InstalledPlugin =
  | { dir: string; plugin: LoadedPlugin; quarantined: false }
  | { dir: string; partial: ManifestPartial; quarantined: true };

/** Finds the plugin called `name` on HELM_PLUGINS (every directory of the path list, first wins), or in `only`. */
export async function findInstalled(
  name: string,
  options: PluginOperationOptions,
  only?: string,
): Promise<InstalledPlugin> {
  const { findPlugins } = await import('@helm4/manifest');
  const registry = await options.registry();
  const dirs = only !== undefined ? [only] : pluginDirs(options.settings).map((d) => path.resolve(d));
  const found = await findPlugins(dirs, { name }, { registry });
  const plugin = found.plugins[0];
  if (plugin !== undefined) return { dir: plugin.dir, plugin, quarantined: false };
  const broken = found.quarantined.find((q) => q.name === name);
  if (broken !== undefined) return { dir: broken.dir, partial: broken, quarantined: true };
  throw distError('DIST_PLUGIN_NOT_FOUND', `plugin: ${name} not found`, {
    hint: '`helm plugin list` shows the installed plugins',
    details: { plugin: name, dirs },
  });
}

/** Runs `each` for every name, collecting failures: Helm reports all of them (errors.Join). */
export async function forEachName<T>(
  names: readonly string[],
  each: (name: string) => Promise<T>,
): Promise<{ done: T[]; failed: { name: string; error: unknown }[] }> {
  const done: T[] = [];
  const failed: { name: string; error: unknown }[] = [];
  for (const name of names) {
    try {
      done.push(await each(name));
    } catch (error) {
      failed.push({ name, error });
    }
  }
  return { done, failed };
}

/** One error for several: the first one's code, every failure in details. */
export function joinFailures(failed: { name: string; error: unknown }[], verb: string): unknown {
  const first = failed[0];
  if (first === undefined) return undefined;
  if (failed.length === 1) return first.error;
  const messages = failed.map((f) => (f.error instanceof Error ? f.error.message : String(f.error)));
  const code = (first.error as { code?: string }).code ?? 'DIST_INSTALL_FAILED';
  return distError(
    code as 'DIST_INSTALL_FAILED',
    `failed to ${verb} ${failed.length} plugins: ${messages.join('; ')}`,
    {
      details: {
        errors: failed.map((f) => ({
          plugin: f.name,
          code: (f.error as { code?: string }).code,
          message: f.error instanceof Error ? f.error.message : String(f.error),
        })),
      },
    },
  );
}
