import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { infiniteLoop, switchGuest } from '../../../packages/wasm-runtime/test/wasm/guests.js';
import { repoRoot, runOurs, runOursAsync, tempHelmHome } from './support.js';

const contractWasm = path.join(repoRoot, 'packages/wasm-runtime/test/fixtures/contract/contract.wasm');

/** An extism/v1 cli/v1 plugin `name` in the plugins directory of `env`. */
function wasmPlugin(env: Record<string, string>, name: string, wasm: Uint8Array | string, runtimeConfig: string): void {
  const dir = path.join(env['HELM_DATA_HOME'] as string, 'plugins', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'plugin.yaml'),
    `apiVersion: v1\nname: ${name}\nversion: 0.1.0\ntype: cli/v1\nruntime: extism/v1\nruntimeConfig:\n${runtimeConfig}`,
  );
  if (typeof wasm === 'string') copyFileSync(wasm, path.join(dir, 'plugin.wasm'));
  else writeFileSync(path.join(dir, 'plugin.wasm'), wasm);
}

describe('helm <wasm plugin>', () => {
  it('stops a looping plugin at its timeout: one coded error line, exit 1, and helm ends', async () => {
    using home = tempHelmHome();
    wasmPlugin(home.env, 'loopy', switchGuest(infiniteLoop), '  timeout: 500\n');
    expect(runOurs(['loopy', 'ok'], home.env)).toMatchObject({ status: 0, stderr: '' });
    const start = performance.now();
    const r = await runOursAsync(['loopy', 'loop'], home.env);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Error: .*timed out.*\[RUNTIME_TIMEOUT\]\n/);
    expect(r.stderr).not.toContain('    at ');
  });

  it('gives a plugin that reads stdin what is piped to helm (such a call runs in a guest worker)', () => {
    using home = tempHelmHome();
    wasmPlugin(home.env, 'cat', contractWasm, '  entryFuncName: cli_cat\n');
    const r = runOurs(['cat'], home.env, 'line one\nline two\n');
    expect(r).toMatchObject({ status: 0, stdout: 'line one\nline two\n', stderr: '' });
  });
});
