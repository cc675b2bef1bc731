import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { cliRuntimeBinding } from '@helm4/plugin-type-cli/runtime';
import { createExtismRuntime } from '@helm4/wasm-runtime';
import { loadWasmPluginDir } from '@helm4/wasm-runtime/testing';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));

function collector(): Writable & { text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

describe('cli-hello through the runtime', () => {
  it('prints its greeting, arguments (UTF-8 intact) and HELM_NAMESPACE, and returns {}', async () => {
    const plugin = await createExtismRuntime({ types: [cliRuntimeBinding] }).createPlugin(await loadWasmPluginDir(dir));
    const stdout = collector();
    const result = await plugin.invoke({
      message: { extraArgs: ['one', 'zwei drei', 'ünïcødé ✓', '--flag=x'] },
      env: { HELM_NAMESPACE: 'team-a', HELM_DEBUG: 'false' },
      stdout,
    });
    expect(result.message).toEqual({});
    expect(stdout.text()).toBe(
      'Hello from a Wasm plugin!\nargs: one zwei drei ünïcødé ✓ --flag=x\nHELM_NAMESPACE: team-a\n',
    );
  });

  it('sees no HELM_NAMESPACE when the host passes none', async () => {
    const plugin = await createExtismRuntime({ types: [cliRuntimeBinding] }).createPlugin(await loadWasmPluginDir(dir));
    const stdout = collector();
    await plugin.invoke({ message: { extraArgs: [] }, stdout });
    expect(stdout.text()).toBe('Hello from a Wasm plugin!\nargs:\nHELM_NAMESPACE: \n');
  });
});
