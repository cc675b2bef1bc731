import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { cliRuntimeBinding } from '@helm4/plugin-type-cli/runtime';
import { createExtismRuntime } from '@helm4/wasm-runtime';
import { loadWasmPluginDir } from '@helm4/wasm-runtime/testing';
import { describe, expect, it } from 'vitest';
import { helmHomeWith, runRealHelm } from '../../interop-support.js';

describe('cli-hello in the real Helm 4', () => {
  it('runs unchanged and prints what our runtime prints', async () => {
    using home = helmHomeWith(['cli-hello']);
    const real = await runRealHelm(['cli-hello', 'a', 'b c', 'ünï', '--namespace', 'team-x'], home.env);
    expect(real.status).toBe(0);
    expect(real.stdout).toBe('Hello from a Wasm plugin!\nargs: a b c ünï\nHELM_NAMESPACE: team-x\n');

    const chunks: Buffer[] = [];
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const plugin = await createExtismRuntime({ types: [cliRuntimeBinding] }).createPlugin(
      await loadWasmPluginDir(fileURLToPath(new URL('..', import.meta.url))),
    );
    await plugin.invoke({ message: { extraArgs: ['a', 'b c', 'ünï'] }, env: { HELM_NAMESPACE: 'team-x' }, stdout });
    expect(Buffer.concat(chunks).toString('utf8')).toBe(real.stdout);
  });
});
