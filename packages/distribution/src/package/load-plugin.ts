import type { LoadedPlugin, PluginMetadata, PluginRegistry } from '@helm4/manifest';
import { distError } from '../codes.js';

function invalid(where: string, cause: unknown) {
  const inner = cause as { code?: string; message?: string; details?: Record<string, unknown> };
  return distError('DIST_INVALID_PLUGIN', `invalid plugin ${where}: ${inner.message ?? String(cause)}`, {
    cause,
    hint: 'fix plugin.yaml (`helm plugin list` shows every problem of an installed one)',
    details: { reason: inner.code, ...(inner.details?.['issues'] ? { issues: inner.details['issues'] } : {}) },
  });
}

/** Helm's LoadDir for a directory about to be packaged or installed; an invalid plugin is DIST_INVALID_PLUGIN. */
export async function loadPluginDirectory(dir: string, registry: PluginRegistry): Promise<LoadedPlugin> {
  const { loadPluginDir } = await import('@helm4/manifest');
  try {
    return await loadPluginDir(dir, { registry });
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'MANIFEST_NOT_FOUND') {
      throw distError('DIST_NOT_A_PLUGIN_DIR', `plugin metadata (plugin.yaml) missing in ${dir}`, {
        cause,
        hint: 'a plugin directory has a plugin.yaml at its top',
        details: { dir },
      });
    }
    throw invalid(`directory ${dir}`, cause);
  }
}

/** Parses the plugin.yaml text found in a tarball. */
export async function parsePluginManifest(
  text: string,
  where: string,
  registry: PluginRegistry,
): Promise<PluginMetadata> {
  const { parseManifest } = await import('@helm4/manifest');
  const { metadata, issues } = parseManifest(text, registry);
  if (metadata !== undefined) return metadata;
  throw distError(
    'DIST_INVALID_PLUGIN',
    `invalid plugin.yaml in ${where}: ${issues.map((i) => i.message).join('; ')}`,
    {
      hint: 'the archive holds an invalid plugin.yaml; ask its author for a fixed release',
      details: { reason: issues[0]?.code, issues },
    },
  );
}
