import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { postRendererRuntimeBinding } from '@helm4/plugin-type-postrenderer/runtime';
import { createExtismRuntime } from '@helm4/wasm-runtime';
import { loadWasmPluginDir } from '@helm4/wasm-runtime/testing';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));

async function render(manifests: string, extraArgs: string[] = [], argsFirst = false): Promise<string> {
  const plugin = await createExtismRuntime({ types: [postRendererRuntimeBinding] }).createPlugin(
    await loadWasmPluginDir(dir),
  );
  const message = argsFirst ? { extraArgs, manifests } : { manifests, extraArgs };
  const out = await plugin.invoke({ message });
  return (out.message as { manifests: string }).manifests;
}

/**
 * Runs plugin.wasm on the exact input JSON `json`, with a minimal Extism host in JS (slow, fine for tests): for
 * inputs our runtime does not write (`\u000a` escapes, other members), and to see the guest's own memory.
 */
function renderRaw(json: string): { manifests: string; guestBytes: number } {
  const input = Buffer.from(json);
  const memory = new Uint8Array(input.length * 4 + (1 << 20)); // room for an output rendered twice
  const view = new DataView(memory.buffer);
  let bump = 16;
  let output: [number, number] = [0, 0];
  let error = 0;
  const n = (v: bigint) => Number(v);
  const alloc = (size: bigint) => {
    view.setBigUint64(bump, size, true);
    const at = bump + 8;
    bump = at + ((n(size) + 7) & ~7);
    return BigInt(at);
  };
  const host: Record<string, (...args: bigint[]) => unknown> = {
    input_length: () => BigInt(input.length),
    input_load_u64: (at) => input.readBigUInt64LE(n(at)),
    input_load_u8: (at) => input[n(at)],
    alloc,
    length: (at) => view.getBigUint64(n(at) - 8, true),
    load_u8: (at) => memory[n(at)],
    load_u64: (at) => view.getBigUint64(n(at), true),
    store_u8: (at, v) => (memory[n(at)] = n(v)),
    store_u64: (at, v) => view.setBigUint64(n(at), v, true),
    output_set: (at, len) => (output = [n(at), n(len)]),
    error_set: (at) => (error = n(at)),
    config_get: () => 0n,
  };
  const module = new WebAssembly.Module(readFileSync(new URL('../plugin.wasm', import.meta.url)));
  const instance = new WebAssembly.Instance(module, { 'extism:host/env': host });
  expect((instance.exports['helm_plugin_main'] as () => number)()).toBe(0);
  expect(error).toBe(0);
  const out = JSON.parse(Buffer.from(memory.subarray(output[0], output[0] + output[1])).toString());
  return { manifests: out.manifests, guestBytes: (instance.exports['memory'] as WebAssembly.Memory).buffer.byteLength };
}

const input = [
  '---',
  '# Source: demo/templates/cm.yaml',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: demo',
  'data:',
  '  greeting: "grüße ✓"',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: demo',
  '  labels:',
  '    app: demo',
  '    team: old',
  'spec:',
  '  template:',
  '    metadata:',
  '      labels:',
  '        app: demo',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '    name: four-spaces',
  '    labels: {}',
  '',
].join('\n');

describe('postrenderer-label through the runtime', () => {
  it('adds the configured label to every top-level metadata, creating labels where absent', async () => {
    const label = '    helm4.example.com/post-rendered: "wasm"';
    expect(await render(input)).toBe(
      [
        '---',
        '# Source: demo/templates/cm.yaml',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  labels:',
        label,
        '  name: demo',
        'data:',
        '  greeting: "grüße ✓"',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: demo',
        '  labels:',
        '    app: demo',
        '    team: old',
        label,
        'spec:',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: demo',
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '    name: four-spaces',
        '    labels:',
        `    ${label}`,
        '',
      ].join('\n'),
    );
  });

  it('takes labels from --post-renderer-args, replacing an existing key', async () => {
    const out = await render(input, ['team=platform', 'tier=a "quoted" \\ value']);
    expect(out).toContain('    app: demo\n    team: "platform"\n    tier: "a \\"quoted\\" \\\\ value"\nspec:');
    expect(out).not.toContain('team: old');
    expect(out).not.toContain('post-rendered');
  });

  it('leaves manifests without metadata alone', async () => {
    expect(await render('# nothing\n')).toBe('# nothing\n');
    expect(await render('')).toBe('');
  });

  it('refuses an argument that is not key=value', async () => {
    const plugin = await createExtismRuntime({ types: [postRendererRuntimeBinding] }).createPlugin(
      await loadWasmPluginDir(dir),
    );
    await expect(plugin.invoke({ message: { manifests: 'a: b\n', extraArgs: ['novalue'] } })).rejects.toMatchObject({
      code: 'RUNTIME_PLUGIN_ERROR',
    });
  });

  it('post-renders 10 MiB of manifests', async () => {
    const doc = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: "${'v'.repeat(900)}"\n---\n`;
    const big = doc.repeat(Math.ceil((10 * 1024 * 1024) / doc.length));
    const out = await render(big);
    expect(out.length).toBe(
      big.length + (big.length / doc.length) * '  labels:\n    helm4.example.com/post-rendered: "wasm"\n'.length,
    );
  });

  // The plugin streams: a window of 64 KiB over the input, grown only to hold a longer metadata block.
  const labelled = (doc: string, at: string, lines: string) => doc.replace(at, `${at}${lines}`);
  const noLabels = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: "v \\"q\\""\n';
  const withLabels = 'kind: Secret\nmetadata:\n  labels:\n    team: old\n    app: a\n  name: b\n';
  const emptyLabels =
    'kind: Service\nmetadata:\n  name: c\n  labels: {}\nspec:\n  template:\n    metadata:\n      name: d\n';
  const docs = [noLabels, withLabels, emptyLabels].join('---\n');
  const docsOut = [
    labelled(noLabels, 'metadata:\n', '  labels:\n    team: "platform"\n'),
    withLabels.replace('    team: old\n    app: a\n', '    app: a\n    team: "platform"\n'),
    emptyLabels.replace('  labels: {}\n', '  labels:\n    team: "platform"\n'),
  ].join('---\n');

  it('streams many documents past its window, with and without labels', async () => {
    const n = Math.ceil((1 << 20) / docs.length);
    const out = await render(`${docs}---\n`.repeat(n), ['team=platform']);
    expect(out).toBe(`${docsOut}---\n`.repeat(n));
  });

  it('takes the args before the manifests too', async () => {
    expect(await render(docs, ['team=platform'], true)).toBe(docsOut);
  });

  it('labels a metadata block longer than its window, and passes a longer line through', async () => {
    const annotations = Array.from({ length: 8000 }, (_, i) => `    a${i}: "${i}"\n`).join('');
    const long = `kind: A\nmetadata:\n  annotations:\n${annotations}  labels:\n    team: old\ndata:\n  k: "${'x'.repeat(300_000)}"\n`;
    const out = await render(`${noLabels}---\n${long}---\n${noLabels}`, ['team=platform']);
    const noLabelsOut = labelled(noLabels, 'metadata:\n', '  labels:\n    team: "platform"\n');
    expect(out).toBe(`${noLabelsOut}---\n${long.replace('team: old', 'team: "platform"')}---\n${noLabelsOut}`);
  });

  it('ends a last line without a newline before the labels it adds', async () => {
    const label = '    helm4.example.com/post-rendered: "wasm"\n';
    expect(await render('kind: A\nmetadata:')).toBe(`kind: A\nmetadata:\n  labels:\n${label}`);
    expect(await render('metadata:\n  labels:\n    a: b')).toBe(`metadata:\n  labels:\n    a: b\n${label}`);
  });

  it('reads any member order, members in between and \\u000a newlines, in little guest memory', () => {
    const manifests = `${docs}---\n`.repeat(Math.ceil((4 << 20) / docs.length));
    const expected = `${docsOut}---\n`.repeat(Math.ceil((4 << 20) / docs.length));
    const m = JSON.stringify(manifests);
    const args = '["team=platform"]';
    const other = JSON.stringify('\\"'.repeat(50_000));
    for (const json of [
      `{"manifests":${m},"extraArgs":${args}}`,
      `{ "extraArgs" : ${args} , "manifests" : ${m} }\n`,
      `{"manifests":${m},"other":${other},"extraArgs":${args}}`,
      `{"manifests":${m},"extraArgs":${args},"other":${other}}`,
      `{"manifests":${m.replaceAll('\\n', '\\u000a')},"extraArgs":${args}}`,
    ]) {
      const out = renderRaw(json);
      expect(out.manifests).toBe(expected);
      expect(out.guestBytes).toBeLessThanOrEqual(1 << 20);
    }
  });
});
