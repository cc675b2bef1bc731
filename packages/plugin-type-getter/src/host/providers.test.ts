import type { LoadedPlugin } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { getterSchemes, providerFor } from './providers.js';

const plugin = (name: string, protocols: unknown, type = 'getter/v1'): LoadedPlugin => ({
  dir: `/plugins/${name}`,
  metadata: {
    apiVersion: 'v1',
    name,
    type,
    runtime: 'subprocess',
    version: '0.1.0',
    sourceURL: '',
    config: { protocols },
    runtimeConfig: {},
  },
});

describe("getterSchemes / providerFor (Helm's Providers.ByScheme)", () => {
  const s3a = plugin('s3a', ['s3', 'http']);
  const s3b = plugin('s3b', ['s3', 'gs']);
  const cli = plugin('cli', ['git'], 'cli/v1');
  const plugins = [s3a, s3b, cli];

  it('lists built-ins first, then each scheme once with the first plugin listing it', () => {
    expect(
      getterSchemes(plugins).map((p) => [p.scheme, p.kind === 'plugin' ? p.plugin.metadata.name : 'builtin']),
    ).toEqual([
      ['http', 'builtin'],
      ['https', 'builtin'],
      ['oci', 'builtin'],
      ['s3', 's3a'],
      ['gs', 's3b'],
    ]);
  });

  it('never lets a plugin override a built-in', () => {
    expect(providerFor('http', plugins)).toEqual({ kind: 'builtin', scheme: 'http' });
    expect(providerFor('oci', [plugin('oci', ['oci'])])).toEqual({ kind: 'builtin', scheme: 'oci' });
  });

  it('picks the first plugin in the given order', () => {
    expect(providerFor('s3', plugins)).toMatchObject({ kind: 'plugin', plugin: s3a });
    expect(providerFor('s3', [s3b, s3a])).toMatchObject({ kind: 'plugin', plugin: s3b });
    expect(providerFor('gs', plugins)).toMatchObject({ kind: 'plugin', plugin: s3b });
  });

  it('ignores plugins of other types and compares schemes exactly', () => {
    expect(providerFor('git', plugins)).toBeUndefined();
    expect(providerFor('s3', [plugin('caps', ['S3'])])).toBeUndefined();
    expect(providerFor('s3', [plugin('odd', 's3')])).toBeUndefined();
  });
});
