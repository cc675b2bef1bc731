import { readFileSync } from 'node:fs';
import { parseRawYaml } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { parsePostRendererConfig } from './config.js';

const fixtures = new URL('../../../../shared/fixtures/helm/', import.meta.url);

function configOf(yaml: string): unknown {
  const { value, issues } = parseRawYaml(yaml);
  expect(issues).toEqual([]);
  return (value as { config?: unknown }).config;
}

const codesAndPaths = (r: { issues: { code: string; path: (string | number)[] }[] }) =>
  r.issues.map((i) => [i.code, i.path]);

describe('postrenderer/v1 config', () => {
  it('is empty when absent, null or {}', () => {
    expect(parsePostRendererConfig(undefined)).toEqual({ value: {}, issues: [] });
    expect(parsePostRendererConfig(configOf('config:\n'))).toEqual({ value: {}, issues: [] });
    expect(parsePostRendererConfig(configOf('config: {}\n'))).toEqual({ value: {}, issues: [] });
  });

  it('allows no keys', () => {
    expect(codesAndPaths(parsePostRendererConfig(configOf('config:\n  args: [a]\n  b: ~\n'))).sort()).toEqual([
      ['MANIFEST_UNKNOWN_FIELD', ['args']],
      ['MANIFEST_UNKNOWN_FIELD', ['b']],
    ]);
  });

  it('rejects a config that is not a map', () => {
    expect(codesAndPaths(parsePostRendererConfig(configOf('config: [a]\n')))).toEqual([['MANIFEST_INVALID_FIELD', []]]);
  });

  it("decodes Helm's postrenderer-v1 fixture (no config key)", () => {
    const yaml = readFileSync(
      new URL('internal/plugin/testdata/plugdir/good/postrenderer-v1/plugin.yaml', fixtures),
      'utf8',
    );
    expect(parsePostRendererConfig(configOf(yaml))).toEqual({ value: {}, issues: [] });
  });
});
