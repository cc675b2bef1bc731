import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { PluginMetadata } from '@helm4/manifest';
import { distError } from '../codes.js';

/** The Wasm file Helm 4 reads (its ExtismV1WasmBinaryFilename). */
export const HELM_WASM_FILE = 'plugin.wasm';

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Lint-style warnings about an extism/v1 plugin's Wasm file. This helm runs `plugin.wasm`, else HIP-0026's
 * `<name>.wasm`; Helm 4 only ever reads `plugin.wasm` (its `plugin package` refuses a directory without it, and
 * it cannot run a plugin shipped with `<name>.wasm` alone). Neither file is DIST_INVALID_PLUGIN, as in Helm.
 */
export async function wasmLayoutWarnings(
  dir: string,
  metadata: PluginMetadata,
  /** Where to say the file is missing, when `dir` is a working copy (an install's staging directory). */
  shownDir: string = dir,
): Promise<string[]> {
  if (metadata.runtime !== 'extism/v1') return [];
  const hipFile = `${metadata.name}.wasm`;
  const [helm, hip] = await Promise.all([
    isFile(path.join(dir, HELM_WASM_FILE)),
    hipFile === HELM_WASM_FILE ? false : isFile(path.join(dir, hipFile)),
  ]);
  if (helm && hip) {
    return [
      `both ${HELM_WASM_FILE} and ${hipFile} are present: ${HELM_WASM_FILE} is the one run, ${hipFile} is unused`,
    ];
  }
  if (hip) {
    return [
      `${hipFile} (HIP-0026's layout) is run by this helm, but Helm 4 only reads ${HELM_WASM_FILE}: rename it to ${HELM_WASM_FILE} for the plugin to work with Helm 4 too`,
    ];
  }
  if (!helm) {
    const missing = path.join(shownDir, HELM_WASM_FILE);
    throw distError(
      'DIST_INVALID_PLUGIN',
      `invalid plugin directory: wasm binary missing for extism/v1 plugin: ${JSON.stringify(missing)}`,
      {
        hint: `build the plugin's Wasm module into ${HELM_WASM_FILE} (Helm 4's name; ${hipFile} is also read here)`,
        details: { reason: 'RUNTIME_WASM_MISSING', dir, files: [HELM_WASM_FILE, hipFile] },
      },
    );
  }
  return [];
}
