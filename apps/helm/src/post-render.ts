import { Helm4Error } from '@helm4/errors';
import { findPlugin } from '@helm4/manifest/loader';
import { runPostRenderer } from '@helm4/plugin-type-postrenderer';
import { type Env, loadSettings, pluginDirs, type SettingsOverrides } from '@helm4/settings';
import { pluginIndexFile } from './plugin-commands.js';
import { loadRegistry, registryFingerprint } from './registry.js';
import { createPluginInstance, withRuntimes } from './runtimes.js';

export interface PostRenderOptions {
  /** Every `--post-renderer` given; Helm allows exactly one. */
  postRenderers: readonly string[];
  /** `--post-renderer-args`, in order. */
  args: readonly string[];
}

/**
 * Runs rendered manifests through a postrenderer/v1 plugin, as `helm install|upgrade|template
 * --post-renderer NAME` does: the plugin is found by name on HELM_PLUGINS, receives the manifests and the
 * `--post-renderer-args`, and returns the new manifests.
 */
export async function postRender(
  manifests: string,
  opts: PostRenderOptions,
  env: Env = process.env,
  overrides: SettingsOverrides = {},
): Promise<string> {
  if (opts.postRenderers.length > 1) {
    throw new Helm4Error('CLI_POST_RENDERER_REPEATED', 'cannot specify --post-renderer flag more than once', {
      hint: 'chain post-renderers inside one plugin instead',
      details: { postRenderers: opts.postRenderers },
    });
  }
  const name = opts.postRenderers[0];
  if (name === undefined || name === '') {
    throw new Helm4Error('CLI_POST_RENDERER_MISSING', 'no post-renderer given', {
      hint: 'name a postrenderer/v1 plugin: --post-renderer NAME',
    });
  }
  const settings = loadSettings(env, overrides);
  const plugin = await findPlugin(
    pluginDirs(settings),
    { name, type: 'postrenderer/v1' },
    { registry: loadRegistry, registryFingerprint: registryFingerprint(), cacheFile: pluginIndexFile(settings) },
  );
  return withRuntimes(async () => runPostRenderer(await createPluginInstance(plugin), manifests, opts.args));
}
