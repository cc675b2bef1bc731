import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExtismRuntime } from '../src/extism-runtime.js';
import { pluginDirs } from './plugins.js';
import { rejectsWithCode, TYPES } from './support.js';
import { constantGuest } from './wasm/guests.js';

const dirs = pluginDirs();

/** A postrenderer/v1 extism plugin named `name` holding `files`, answering with the manifests its module has. */
function plugin(name: string, files: Record<string, string>) {
  const p = dirs.plugin({ name, type: 'postrenderer/v1' });
  for (const [file, manifests] of Object.entries(files)) {
    writeFileSync(join(p.dir, file), constantGuest(JSON.stringify({ manifests })));
  }
  return p;
}

async function manifestsOf(name: string, files: Record<string, string>): Promise<unknown> {
  const instance = await createExtismRuntime({ types: TYPES }).createPlugin(plugin(name, files));
  const out = await instance.invoke<unknown, { manifests: unknown }>({ message: { manifests: '', extraArgs: [] } });
  return out.message.manifests;
}

describe("HIP-0026's NAME.wasm layout", () => {
  it('<name>.wasm is run when plugin.wasm is absent', async () => {
    expect(await manifestsOf('hipa', { 'hipa.wasm': 'from hipa.wasm' })).toBe('from hipa.wasm');
  });

  it('plugin.wasm wins when both exist', async () => {
    const files = { 'plugin.wasm': 'from plugin.wasm', 'hipb.wasm': 'from hipb.wasm' };
    expect(await manifestsOf('hipb', files)).toBe('from plugin.wasm');
  });

  it('neither is RUNTIME_WASM_MISSING naming plugin.wasm; a .wasm of another name is not taken', async () => {
    const err = await rejectsWithCode(
      createExtismRuntime({ types: TYPES }).createPlugin(plugin('hipc', { 'other.wasm': 'x' })),
      'RUNTIME_WASM_MISSING',
    );
    expect((err as unknown as { message: string }).message).toContain('plugin.wasm');
  });
});
