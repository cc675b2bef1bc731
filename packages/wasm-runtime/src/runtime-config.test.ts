import { readFileSync } from 'node:fs';
import { parseRawYaml } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { type ExtismRuntimeConfig, parseExtismRuntimeConfig } from './runtime-config.js';

const fixtures = new URL('../../../../shared/fixtures/helm/', import.meta.url);

function runtimeConfigOf(yaml: string): unknown {
  const { value, issues } = parseRawYaml(yaml);
  expect(issues).toEqual([]);
  return (value as { runtimeConfig?: unknown }).runtimeConfig;
}

const parseYaml = (body: string) => parseExtismRuntimeConfig(runtimeConfigOf(`runtimeConfig:\n${body}`));

const codesAndPaths = (r: { issues: { code: string; path: (string | number)[] }[] }) =>
  r.issues.map((i) => [i.code, JSON.stringify(i.path)]).sort();

const zero: ExtismRuntimeConfig = {
  memory: { maxPages: 0, maxHttpResponseBytes: 0, maxVarBytes: 0 },
  config: {},
  allowedHosts: [],
  fileSystem: { createTempDir: false },
  timeout: 0,
  hostFunctions: [],
  entryFuncName: 'helm_plugin_main',
};

describe('extism/v1 runtimeConfig', () => {
  it('records zeros when absent (the limits Helm really applies), and defaults the entry function', () => {
    expect(parseExtismRuntimeConfig(undefined)).toEqual({ value: zero, issues: [] });
    expect(parseYaml('')).toEqual({ value: zero, issues: [] });
    expect(parseYaml('  memory:\n  fileSystem: ~\n  entryFuncName: ""\n')).toEqual({ value: zero, issues: [] });
  });

  it('decodes every key the way yaml.v3 does', () => {
    const r = parseYaml(
      [
        '  memory: {maxPages: 0x10, maxHttpResponseBytes: 1_048_576, maxVarBytes: 4096}',
        '  config: {region: eu-west-1, retries: 3, flag: yes}',
        '  allowedHosts: ["*.example.com", example.org]',
        '  fileSystem: {createTempDir: on}',
        '  timeout: 30000',
        '  hostFunctions: [helm_get_values]',
        '  entryFuncName: main',
        '',
      ].join('\n'),
    );
    expect(r).toEqual({
      value: {
        memory: { maxPages: 16, maxHttpResponseBytes: 1_048_576, maxVarBytes: 4096 },
        config: { region: 'eu-west-1', retries: '3', flag: 'yes' },
        allowedHosts: ['*.example.com', 'example.org'],
        fileSystem: { createTempDir: true },
        timeout: 30_000,
        hostFunctions: ['helm_get_values'],
        entryFuncName: 'main',
      },
      issues: [],
    });
  });

  it('ignores unknown keys at every level and keeps only the known ones', () => {
    const r = parseYaml('  wasm: x.wasm\n  memory: {maxPages: 4, initialPages: 1}\n  fileSystem: {mounts: [/]}\n');
    expect(r.issues).toEqual([]);
    expect(r.value).toStrictEqual({ ...zero, memory: { ...zero.memory, maxPages: 4 } });
  });

  it("decodes Helm's extismv1-test fixture", () => {
    const yaml = readFileSync(new URL('internal/plugin/testdata/src/extismv1-test/plugin.yaml', fixtures), 'utf8');
    expect(parseExtismRuntimeConfig(runtimeConfigOf(yaml))).toEqual({
      value: { ...zero, fileSystem: { createTempDir: true } },
      issues: [],
    });
  });

  it('reports what Helm cannot decode as MANIFEST_INVALID_FIELD', () => {
    expect(
      codesAndPaths(
        parseYaml(
          [
            '  memory: {maxPages: -1, maxVarBytes: lots}',
            '  timeout: -5',
            '  allowedHosts: example.com',
            '  config: {a: {b: c}}',
            '  fileSystem: {createTempDir: maybe}',
            '  entryFuncName: [main]',
            '',
          ].join('\n'),
        ),
      ),
    ).toEqual([
      ['MANIFEST_INVALID_FIELD', '["allowedHosts"]'],
      ['MANIFEST_INVALID_FIELD', '["config","a"]'],
      ['MANIFEST_INVALID_FIELD', '["entryFuncName"]'],
      ['MANIFEST_INVALID_FIELD', '["fileSystem","createTempDir"]'],
      ['MANIFEST_INVALID_FIELD', '["memory","maxPages"]'],
      ['MANIFEST_INVALID_FIELD', '["memory","maxVarBytes"]'],
      ['MANIFEST_INVALID_FIELD', '["timeout"]'],
    ]);
    expect(codesAndPaths(parseYaml('  memory: {maxPages: 4294967296}\n'))).toEqual([
      ['MANIFEST_INVALID_FIELD', '["memory","maxPages"]'],
    ]);
    expect(codesAndPaths(parseExtismRuntimeConfig('text'))).toEqual([['MANIFEST_INVALID_FIELD', '[]']]);
  });

  it('refuses limits that cannot work (Helm accepts them)', () => {
    expect(parseYaml('  memory: {maxPages: 65536}\n').issues).toEqual([]);
    expect(
      codesAndPaths(parseYaml('  memory: {maxPages: 65537, maxHttpResponseBytes: -1, maxVarBytes: -4096}\n')),
    ).toEqual([
      ['RUNTIME_CONFIG_OUT_OF_RANGE', '["memory","maxHttpResponseBytes"]'],
      ['RUNTIME_CONFIG_OUT_OF_RANGE', '["memory","maxPages"]'],
      ['RUNTIME_CONFIG_OUT_OF_RANGE', '["memory","maxVarBytes"]'],
    ]);
  });

  it('refuses empty allowed hosts', () => {
    const r = parseYaml('  allowedHosts: [example.com, "", ~, " "]\n');
    expect(r.value).toBeUndefined();
    expect(codesAndPaths(r)).toEqual([
      ['RUNTIME_CONFIG_EMPTY_HOST', '["allowedHosts",1]'],
      ['RUNTIME_CONFIG_EMPTY_HOST', '["allowedHosts",2]'],
      ['RUNTIME_CONFIG_EMPTY_HOST', '["allowedHosts",3]'],
    ]);
  });

  it('requires a plausible export name as entryFuncName', () => {
    for (const name of ['helm_plugin_main', '_start', 'run', 'my-plugin.main', 'a$b', 'x'.repeat(255)]) {
      expect(parseExtismRuntimeConfig({ entryFuncName: name }).value?.entryFuncName).toBe(name);
    }
    for (const name of ['main()', 'two words', ' main', '1main', 'a/b', 'x'.repeat(256), 'naïve', 'a\u0000b']) {
      expect(codesAndPaths(parseExtismRuntimeConfig({ entryFuncName: name }))).toEqual([
        ['RUNTIME_CONFIG_INVALID_ENTRY_FUNC', '["entryFuncName"]'],
      ]);
    }
  });
});
