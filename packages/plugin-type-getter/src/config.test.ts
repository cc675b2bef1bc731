import { readFileSync } from 'node:fs';
import { parseRawYaml } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { parseGetterConfig } from './config.js';

const fixtures = new URL('../../../../shared/fixtures/helm/', import.meta.url);

function configOf(yaml: string): unknown {
  const { value, issues } = parseRawYaml(yaml);
  expect(issues).toEqual([]);
  return (value as { config?: unknown }).config;
}

const codesAndPaths = (r: { issues: { code: string; path: (string | number)[] }[] }) =>
  r.issues.map((i) => [i.code, i.path]);

describe('getter/v1 config', () => {
  it('decodes protocols, keeping scalar text', () => {
    expect(parseGetterConfig(configOf('config:\n  protocols: [s3, 1.10, "gs"]\n'))).toEqual({
      value: { protocols: ['s3', '1.10', 'gs'] },
      issues: [],
    });
  });

  it('requires at least one protocol (absent, null or empty config included)', () => {
    for (const raw of [undefined, configOf('config:\n'), configOf('config: {protocols: []}\n')]) {
      const r = parseGetterConfig(raw);
      expect(r.value).toBeUndefined();
      expect(codesAndPaths(r)).toEqual([['TYPE_GETTER_NO_PROTOCOLS', ['protocols']]]);
    }
  });

  it('rejects an empty protocol, at its index', () => {
    expect(codesAndPaths(parseGetterConfig(configOf('config:\n  protocols: [s3, ""]\n')))).toEqual([
      ['TYPE_GETTER_EMPTY_PROTOCOL', ['protocols', 1]],
    ]);
    // A null entry decodes to "" as in yaml.v3.
    expect(codesAndPaths(parseGetterConfig(configOf('config:\n  protocols:\n    -\n    - s3\n    - ~\n')))).toEqual([
      ['TYPE_GETTER_EMPTY_PROTOCOL', ['protocols', 0]],
      ['TYPE_GETTER_EMPTY_PROTOCOL', ['protocols', 2]],
    ]);
  });

  it('rejects unknown keys and wrong kinds', () => {
    const r = parseGetterConfig(configOf('config:\n  protocols: s3\n  command: x\n'));
    expect(codesAndPaths(r).sort()).toEqual([
      ['MANIFEST_INVALID_FIELD', ['protocols']],
      ['MANIFEST_UNKNOWN_FIELD', ['command']],
    ]);
    expect(codesAndPaths(parseGetterConfig(configOf('config:\n  protocols: [{a: b}]\n')))).toEqual([
      ['MANIFEST_INVALID_FIELD', ['protocols', 0]],
    ]);
  });

  it('accepts the flattened protocols of a converted legacy plugin', () => {
    expect(parseGetterConfig({ protocols: ['myprotocol', 'myprotocols'] }).value).toEqual({
      protocols: ['myprotocol', 'myprotocols'],
    });
  });

  it("decodes Helm's getter fixtures", () => {
    const read = (p: string) => readFileSync(new URL(p, fixtures), 'utf8');
    expect(parseGetterConfig(configOf(read('internal/plugin/testdata/plugdir/good/getter/plugin.yaml'))).value).toEqual(
      {
        protocols: ['myprotocol', 'myprotocols'],
      },
    );
    expect(parseGetterConfig(configOf(read('pkg/getter/testdata/plugins/testgetter2/plugin.yaml'))).value).toEqual({
      protocols: ['test2'],
    });
  });
});
