import { readFileSync } from 'node:fs';
import { parseRawYaml } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { parseSubprocessRuntimeConfig } from './runtime-config.js';

const fixtures = new URL('../../../../shared/fixtures/helm/', import.meta.url);

function runtimeConfigOf(yaml: string): unknown {
  const { value, issues } = parseRawYaml(yaml);
  expect(issues).toEqual([]);
  return (value as { runtimeConfig?: unknown }).runtimeConfig;
}

const fixture = (path: string) => runtimeConfigOf(readFileSync(new URL(path, fixtures), 'utf8'));

const codesAndPaths = (r: { issues: { code: string; path: (string | number)[] }[] }) =>
  r.issues.map((i) => [i.code, i.path]);

const empty = { platformCommand: [], platformHooks: {}, protocolCommands: [], expandHookArgs: false };

describe('subprocess runtimeConfig', () => {
  it('is empty when absent or null', () => {
    expect(parseSubprocessRuntimeConfig(undefined)).toEqual({ value: empty, issues: [] });
    expect(parseSubprocessRuntimeConfig(runtimeConfigOf('runtimeConfig:\n'))).toEqual({ value: empty, issues: [] });
  });

  it("decodes Helm's hello-v1 fixture as TestLoadDir expects", () => {
    const linux = { os: 'linux', arch: '', command: 'sh' };
    const windows = { os: 'windows', arch: '', command: 'pwsh' };
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Helm's own ${VAR} syntax, kept unexpanded.
    const pluginDir = '${HELM_PLUGIN_DIR}';
    expect(parseSubprocessRuntimeConfig(fixture('internal/plugin/testdata/plugdir/good/hello-v1/plugin.yaml'))).toEqual(
      {
        value: {
          platformCommand: [
            { ...linux, args: ['-c', `${pluginDir}/hello.sh`] },
            { ...windows, args: ['-c', `${pluginDir}/hello.ps1`] },
          ],
          platformHooks: {
            install: [
              { ...linux, args: ['-c', 'echo "installing..."'] },
              { ...windows, args: ['-c', 'echo "installing..."'] },
            ],
          },
          protocolCommands: [],
          expandHookArgs: false,
        },
        issues: [],
      },
    );
  });

  it('drops the legacy command:/hooks: keys of the echo-v1 fixture', () => {
    expect(parseSubprocessRuntimeConfig(fixture('internal/plugin/testdata/plugdir/good/echo-v1/plugin.yaml'))).toEqual({
      value: empty,
      issues: [],
    });
  });

  it("decodes the getter fixtures' protocolCommands, dropping testgetter's ignored command: key", () => {
    expect(
      parseSubprocessRuntimeConfig(fixture('internal/plugin/testdata/plugdir/good/getter/plugin.yaml')).value,
    ).toEqual({
      ...empty,
      protocolCommands: [
        {
          protocols: ['myprotocol', 'myprotocols'],
          platformCommand: [{ os: '', arch: '', command: 'echo getter', args: [] }],
        },
      ],
    });
    expect(parseSubprocessRuntimeConfig(fixture('pkg/getter/testdata/plugins/testgetter/plugin.yaml')).value).toEqual({
      ...empty,
      protocolCommands: [{ protocols: ['test'], platformCommand: [] }],
    });
  });

  it('never reads expandHookArgs from YAML, and keeps only known keys at every level', () => {
    const raw = runtimeConfigOf(
      [
        'runtimeConfig:',
        '  expandHookArgs: true',
        '  platformCommand:',
        '    - {command: run, shell: bash, args: [1, yes, ~]}',
        '  platformHooks:',
        '    delete:',
        '    update: [{command: up, when: always}]',
        '  protocolCommands:',
        '    - {protocols: [s3], command: x, platformCommand: [{command: get}]}',
        '',
      ].join('\n'),
    );
    const r = parseSubprocessRuntimeConfig(raw);
    expect(r.issues).toEqual([]);
    expect(r.value).toStrictEqual({
      platformCommand: [{ os: '', arch: '', command: 'run', args: ['1', 'yes', ''] }],
      platformHooks: { delete: [], update: [{ os: '', arch: '', command: 'up', args: [] }] },
      protocolCommands: [{ protocols: ['s3'], platformCommand: [{ os: '', arch: '', command: 'get', args: [] }] }],
      expandHookArgs: false,
    });
  });

  it('reports wrong kinds with paths relative to runtimeConfig', () => {
    const raw = runtimeConfigOf(
      [
        'runtimeConfig:',
        '  platformCommand:',
        '    - {command: ok, args: oops}',
        '  platformHooks: {install: echo}',
        '  protocolCommands: {protocols: [s3]}',
        '',
      ].join('\n'),
    );
    const r = parseSubprocessRuntimeConfig(raw);
    expect(r.value).toBeUndefined();
    expect(
      codesAndPaths(r)
        .map(([c, p]) => [c, JSON.stringify(p)])
        .sort(),
    ).toEqual([
      ['MANIFEST_INVALID_FIELD', '["platformCommand",0,"args"]'],
      ['MANIFEST_INVALID_FIELD', '["platformHooks","install"]'],
      ['MANIFEST_INVALID_FIELD', '["protocolCommands"]'],
    ]);
    expect(codesAndPaths(parseSubprocessRuntimeConfig(runtimeConfigOf('runtimeConfig: [a]\n')))).toEqual([
      ['MANIFEST_INVALID_FIELD', []],
    ]);
    expect(codesAndPaths(parseSubprocessRuntimeConfig({ platformHooks: ['install'] }))).toEqual([
      ['MANIFEST_INVALID_FIELD', ['platformHooks']],
    ]);
  });

  it('accepts the already-typed shapes the legacy conversion produces', () => {
    const converted = {
      platformCommand: [{ os: '', arch: '', command: 'echo hi', args: [] }],
      platformHooks: { install: [{ os: '', arch: '', command: 'sh', args: ['-c', 'echo $X'] }] },
      protocolCommands: [{ protocols: ['a', 'b'], platformCommand: [{ os: '', arch: '', command: 'dl', args: [] }] }],
    };
    expect(parseSubprocessRuntimeConfig(converted)).toEqual({
      value: { ...converted, expandHookArgs: false },
      issues: [],
    });
  });

  it('does not let a __proto__ hook event touch the prototype', () => {
    const r = parseSubprocessRuntimeConfig(
      runtimeConfigOf('runtimeConfig:\n  platformHooks:\n    __proto__: [{command: x}]\n'),
    );
    expect(r.issues).toEqual([]);
    expect(Object.getPrototypeOf(r.value?.platformHooks)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['command']).toBeUndefined();
  });
});
