import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginRegistry } from '@helm4/manifest';

/** The plugin types and runtimes this `helm` knows. A new type is a new package added here and to TYPES in runtimes.ts. */
const PACKAGES = [
  '@helm4/plugin-type-cli',
  '@helm4/plugin-type-getter',
  '@helm4/plugin-type-postrenderer',
  '@helm4/legacy-runtime',
  '@helm4/wasm-runtime',
  '@helm4/manifest',
] as const;

let fingerprint: string | undefined;

/** `<name>@<version>`, plus the time of the last `tsc -b` of the package when it is a workspace build. */
function packageIdentity(name: string): string {
  try {
    const entry = fileURLToPath(import.meta.resolve(name));
    const root = path.dirname(path.dirname(entry)); // <root>/dist/index.js or <root>/src/index.ts
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    let built = '';
    try {
      built = String(statSync(path.join(root, 'tsconfig.tsbuildinfo')).mtimeMs);
    } catch {
      // A published package: its version identifies it.
    }
    return `${name}@${version}:${built}`;
  } catch {
    return `${name}@?`;
  }
}

/**
 * Identifies the code that decodes plugin.yaml without importing it: the plugin index cache is reused only
 * while these packages are unchanged, so an upgraded or rebuilt helm re-parses every plugin.yaml.
 */
export function registryFingerprint(): string {
  fingerprint ??= `helm4-registry-1|${PACKAGES.map(packageIdentity).join(',')}`;
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
