import { readFileSync } from 'node:fs';
import { parseRawYaml } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { parseCliConfig } from './config.js';

const fixtures = new URL('../../../../shared/fixtures/helm/', import.meta.url);

function configOf(yaml: string): unknown {
  const { value, issues } = parseRawYaml(yaml);
  expect(issues).toEqual([]);
  return (value as { config?: unknown }).config;
}

const codesAndPaths = (r: { issues: { code: string; path: (string | number)[] }[] }) =>
  r.issues.map((i) => [i.code, i.path]);

describe('cli/v1 config', () => {
  it('decodes every key the way yaml.v3 does', () => {
    const raw = configOf(
      'config:\n  usage: hello [x]\n  shortHelp: 12\n  longHelp: |-\n    a\n    b\n  ignoreFlags: yes\n',
    );
    expect(parseCliConfig(raw)).toEqual({
      value: { usage: 'hello [x]', shortHelp: '12', longHelp: 'a\nb', ignoreFlags: true },
      issues: [],
    });
  });

  it('gives zero values when config is absent, null or empty', () => {
    const zero = { usage: '', shortHelp: '', longHelp: '', ignoreFlags: false };
    expect(parseCliConfig(undefined)).toEqual({ value: zero, issues: [] });
    expect(parseCliConfig(configOf('config:\n'))).toEqual({ value: zero, issues: [] });
    expect(parseCliConfig(configOf('config: {}\n'))).toEqual({ value: zero, issues: [] });
  });

  it('accepts the already-typed values the legacy conversion produces', () => {
    const converted = { usage: '', shortHelp: 'short', longHelp: 'long', ignoreFlags: true };
    expect(parseCliConfig(converted)).toEqual({ value: converted, issues: [] });
  });

  it('rejects unknown keys (KnownFields) and wrong kinds, with paths relative to config', () => {
    const raw = configOf('config:\n  usage: [a]\n  ignoreFlags: maybe\n  command: echo\n');
    const r = parseCliConfig(raw);
    expect(r.value).toBeUndefined();
    expect(codesAndPaths(r).sort()).toEqual([
      ['MANIFEST_INVALID_FIELD', ['ignoreFlags']],
      ['MANIFEST_INVALID_FIELD', ['usage']],
      ['MANIFEST_UNKNOWN_FIELD', ['command']],
    ]);
  });

  it('rejects a config that is not a map', () => {
    expect(codesAndPaths(parseCliConfig(configOf('config: [a]\n')))).toEqual([['MANIFEST_INVALID_FIELD', []]]);
    expect(codesAndPaths(parseCliConfig(configOf('config: text\n')))).toEqual([['MANIFEST_INVALID_FIELD', []]]);
  });

  it("decodes Helm's hello-v1 fixture as TestLoadDir expects", () => {
    const yaml = readFileSync(new URL('internal/plugin/testdata/plugdir/good/hello-v1/plugin.yaml', fixtures), 'utf8');
    expect(parseCliConfig(configOf(yaml))).toEqual({
      value: {
        usage: 'hello [params]...',
        shortHelp: 'echo hello message',
        longHelp: 'description',
        ignoreFlags: true,
      },
      issues: [],
    });
  });
});
