import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry, tarBytes, tarNames, tempDir } from '../../test/support.js';
import { packagePlugin } from './package-plugin.js';

/** An extism/v1 cli plugin directory named `hipwasm` holding the given files. */
function wasmPlugin(files: string[]): string {
  const dir = path.join(tempDir(), 'hipwasm');
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, 'plugin.yaml'),
    'apiVersion: v1\nname: hipwasm\ntype: cli/v1\nruntime: extism/v1\nversion: 0.1.0\n',
  );
  for (const f of files) writeFileSync(path.join(dir, f), '\0asm\x01\0\0\0');
  return dir;
}

async function pack(dir: string) {
  return packagePlugin({ dir, destination: tempDir(), sign: false, registry });
}

describe('packagePlugin of an extism/v1 plugin: the Wasm file name (HIP-0026 NAME.wasm vs Helm 4 plugin.wasm)', () => {
  it('NAME.wasm alone is packaged, with a warning that Helm 4 only reads plugin.wasm', async () => {
    const result = await pack(wasmPlugin(['hipwasm.wasm']));
    expect(tarNames(tarBytes(readFileSync(result.tarball)))).toEqual([
      'hipwasm',
      'hipwasm/hipwasm.wasm',
      'hipwasm/plugin.yaml',
    ]);
    expect(result.warnings).toEqual([
      "hipwasm.wasm (HIP-0026's layout) is run by this helm, but Helm 4 only reads plugin.wasm: rename it to plugin.wasm for the plugin to work with Helm 4 too",
    ]);
  });

  it('both: plugin.wasm is the one run, the other unused', async () => {
    const result = await pack(wasmPlugin(['hipwasm.wasm', 'plugin.wasm']));
    expect(result.warnings).toEqual([expect.stringMatching(/^both plugin\.wasm and hipwasm\.wasm are present/)]);
  });

  it('plugin.wasm alone: no warning; neither: DIST_INVALID_PLUGIN before anything is written, as Helm refuses', async () => {
    expect((await pack(wasmPlugin(['plugin.wasm']))).warnings).toEqual([]);
    const dest = tempDir();
    await expect(
      packagePlugin({ dir: wasmPlugin(['other.wasm']), destination: dest, sign: false, registry }),
    ).rejects.toMatchObject({ code: 'DIST_INVALID_PLUGIN', details: { reason: 'RUNTIME_WASM_MISSING' } });
    expect(readdirSync(dest)).toEqual([]);
  });
});
