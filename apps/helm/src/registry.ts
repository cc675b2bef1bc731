import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PluginRegistry } from '@helm4/manifest';

/** The plugin types and runtimes this `helm` knows. A new type is a new package added here. */
const PACKAGES = [
  '@helm4/plugin-type-cli',
  '@helm4/plugin-type-getter',
  '@helm4/plugin-type-postrenderer',
  '@helm4/legacy-runtime',
  '@helm4/wasm-runtime',
  '@helm4/manifest',
] as const;

let fingerprint: string | undefined;

/**
 * Identifies the code that decodes plugin.yaml, without importing it: the plugin index cache is reused only
 * while these packages are unchanged (their entry files' mtimes), so a rebuilt or upgraded helm re-parses.
 */
export function registryFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const parts = PACKAGES.map((name) => {
    try {
      const file = fileURLToPath(import.meta.resolve(name));
      return `${name}@${statSync(file).mtimeMs}`;
    } catch {
      return `${name}@?`;
    }
  });
  fingerprint = `helm4-registry-1|${parts.join(',')}`;
  return fingerprint;
}

export async function loadRegistry(): Promise<PluginRegistry> {
  const [{ createRegistry }, cli, getter, postrenderer, subprocess, wasm] = await Promise.all([
    import('@helm4/manifest'),
    import('@helm4/plugin-type-cli'),
    import('@helm4/plugin-type-getter'),
    import('@helm4/plugin-type-postrenderer'),
    import('@helm4/legacy-runtime'),
    import('@helm4/wasm-runtime'),
  ]);
  return createRegistry({
    types: [cli.cliPluginType, getter.getterPluginType, postrenderer.postRendererPluginType],
    runtimes: [subprocess.subprocessRuntime, wasm.extismRuntime],
    version: registryFingerprint(),
  });
}
