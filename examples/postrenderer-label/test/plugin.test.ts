import { fileURLToPath } from 'node:url';
import { createExtismRuntime } from '@helm4/wasm-runtime';
import { loadWasmPluginDir } from '@helm4/wasm-runtime/testing';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));

async function render(manifests: string, extraArgs: string[] = []): Promise<string> {
  const plugin = await createExtismRuntime().createPlugin(await loadWasmPluginDir(dir));
  const out = await plugin.invoke({ message: { manifests, extraArgs } });
  return (out.message as { manifests: string }).manifests;
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
    const plugin = await createExtismRuntime().createPlugin(await loadWasmPluginDir(dir));
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
});
