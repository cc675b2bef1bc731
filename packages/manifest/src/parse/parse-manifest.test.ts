import { describe, expect, it } from 'vitest';
import { testRegistry } from '../testing/test-registry.js';
import { parseManifest } from './parse-manifest.js';

const registry = testRegistry();
const parse = (text: string) => parseManifest(text, registry);
const problems = (text: string) => parse(text).issues.map((i) => `${i.code} ${i.path.join('.')}`);

const v1 = (extra = '') => `apiVersion: v1\nname: p\nversion: 1.0.0\ntype: cli/v1\nruntime: subprocess\n${extra}`;

describe('parseManifest: apiVersion v1', () => {
  it('decodes a complete manifest', () => {
    const r = parse(
      v1(
        'sourceURL: https://example.com/p\nconfig:\n  usage: p [x]\n  shortHelp: s\n  ignoreFlags: yes\nruntimeConfig:\n  platformCommand:\n    - os: linux\n      command: run\n      args: [a, 1]\n  unknown: ignored\n',
      ),
    );
    expect(r.issues).toEqual([]);
    expect(r.metadata).toEqual({
      apiVersion: 'v1',
      name: 'p',
      type: 'cli/v1',
      runtime: 'subprocess',
      version: '1.0.0',
      sourceURL: 'https://example.com/p',
      config: { usage: 'p [x]', shortHelp: 's', longHelp: '', ignoreFlags: true },
      runtimeConfig: {
        platformCommand: [{ os: 'linux', arch: '', command: 'run', args: ['a', '1'] }],
        platformHooks: {},
        protocolCommands: [],
        expandHookArgs: false,
      },
    });
    expect(r.partial).toEqual({ apiVersion: 'v1', name: 'p', version: '1.0.0', type: 'cli/v1' });
  });

  it('stores the canonical type when plugin.yaml uses an alias', () => {
    const r = parse(v1().replace('cli/v1', 'cli.plugins.helm.sh/v1'));
    expect(r.metadata?.type).toBe('cli/v1');
  });

  it('gives an absent config its zero value, and runs the type validation on it', () => {
    expect(parse(v1().replace('cli/v1', 'postrenderer/v1')).metadata?.config).toEqual({});
    expect(problems(v1().replace('cli/v1', 'getter/v1'))).toEqual(['TYPE_GETTER_NO_PROTOCOLS config.protocols']);
  });

  it('accepts an extism/v1 runtime with any runtimeConfig', () => {
    const r = parse(v1('runtimeConfig: {memory: {maxPages: 2}}\n').replace('subprocess', 'extism/v1'));
    expect(r.metadata?.runtimeConfig).toEqual({ memory: { maxPages: '2' } });
  });
});

describe('parseManifest: legacy (Helm 3) format', () => {
  it('converts a CLI plugin with command and hooks', () => {
    const r = parse(
      'name: echo\nversion: 1.2.3\nusage: "echo\\tsomething\\u0007"\ndescription: long\nignoreFlags: true\ncommand: echo Hello\nhooks:\n  install: echo $HELM_PLUGIN_DIR\nuseTunnel: true\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.metadata).toEqual({
      apiVersion: 'legacy',
      name: 'echo',
      type: 'cli/v1',
      runtime: 'subprocess',
      version: '1.2.3',
      sourceURL: '',
      config: { usage: '', shortHelp: 'echo something', longHelp: 'long', ignoreFlags: true },
      runtimeConfig: {
        platformCommand: [{ os: '', arch: '', command: 'echo Hello', args: [] }],
        platformHooks: { install: [{ os: '', arch: '', command: 'sh', args: ['-c', 'echo $HELM_PLUGIN_DIR'] }] },
        protocolCommands: [],
        expandHookArgs: false,
      },
    });
  });

  it('keeps platformHooks with expandHookArgs, and allows an absent version', () => {
    const r = parse('name: p\nplatformHooks:\n  install:\n    - {os: linux, command: sh, args: [-c, x]}\n');
    expect(r.issues).toEqual([]);
    expect(r.metadata?.version).toBe('');
    expect(r.metadata?.runtimeConfig).toEqual({
      platformCommand: [],
      platformHooks: { install: [{ os: 'linux', arch: '', command: 'sh', args: ['-c', 'x'] }] },
      protocolCommands: [],
      expandHookArgs: true,
    });
  });

  it('turns downloaders into a getter (only), with flattened protocols', () => {
    const r = parse(
      'name: d\ncommand: echo\ndownloaders:\n  - protocols: [s3, s3s]\n    command: bin/get\n  - protocols: [gs]\n    command: bin/gs\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.metadata?.type).toBe('getter/v1');
    expect(r.metadata?.config).toEqual({ protocols: ['s3', 's3s', 'gs'] });
    expect(r.metadata?.runtimeConfig['protocolCommands']).toEqual([
      { protocols: ['s3', 's3s'], platformCommand: [{ os: '', arch: '', command: 'bin/get', args: [] }] },
      { protocols: ['gs'], platformCommand: [{ os: '', arch: '', command: 'bin/gs', args: [] }] },
    ]);
  });

  it('treats an empty file as a legacy plugin without a name', () => {
    expect(problems('')).toEqual(['MANIFEST_INVALID_NAME name']);
  });
});

describe('parseManifest: problems', () => {
  it.each([
    ['syntax error', 'name: [p\n', ['MANIFEST_YAML_SYNTAX ']],
    ['duplicate key', 'name: a\nname: b\n', ['MANIFEST_DUPLICATE_KEY ']],
    ['top level not a map', '- a\n', ['MANIFEST_INVALID_FIELD ']],
    ['apiVersion not a string', 'apiVersion: {a: 1}\nname: p\n', ['MANIFEST_INVALID_FIELD apiVersion']],
    ['unknown apiVersion', 'apiVersion: v2\nname: p\n', ['MANIFEST_INVALID_API_VERSION apiVersion']],
    ['explicit legacy apiVersion', 'apiVersion: legacy\nname: p\n', ['MANIFEST_INVALID_API_VERSION apiVersion']],
    ['v1 unknown top-level key', v1('command: x\n'), ['MANIFEST_UNKNOWN_FIELD command']],
    ['v1 wrong kind', v1('sourceURL: [a]\n'), ['MANIFEST_INVALID_FIELD sourceURL']],
    ['v1 invalid name', v1().replace('name: p', 'name: ../evil'), ['MANIFEST_INVALID_NAME name']],
    ['v1 missing version', v1().replace('version: 1.0.0\n', ''), ['MANIFEST_VERSION_REQUIRED version']],
    ['v1 v-prefixed version', v1().replace('1.0.0', 'v1.0.0'), ['MANIFEST_INVALID_VERSION version']],
    ['v1 missing type', v1().replace('type: cli/v1\n', ''), ['MANIFEST_TYPE_MISSING type']],
    ['v1 unknown type', v1().replace('cli/v1', 'nope/v1'), ['MANIFEST_UNKNOWN_TYPE type']],
    ['v1 missing runtime', v1().replace('runtime: subprocess\n', ''), ['MANIFEST_RUNTIME_MISSING runtime']],
    ['v1 unknown runtime', v1().replace('subprocess', 'docker'), ['MANIFEST_UNKNOWN_RUNTIME runtime']],
    ['v1 strict config', v1('config: {shortHelp: s, extra: 1}\n'), ['MANIFEST_UNKNOWN_FIELD config.extra']],
    ['v1 config wrong kind', v1('config: {ignoreFlags: maybe}\n'), ['MANIFEST_INVALID_FIELD config.ignoreFlags']],
    [
      'v1 runtimeConfig wrong kind',
      v1('runtimeConfig: {platformCommand: [{args: x}]}\n'),
      ['MANIFEST_INVALID_FIELD runtimeConfig.platformCommand.0.args'],
    ],
    [
      'v1 getter config validation',
      v1('config: {protocols: [a, ""]}\n').replace('cli/v1', 'getter/v1'),
      ['TYPE_GETTER_EMPTY_PROTOCOL config.protocols.1'],
    ],
    ['legacy invalid name', 'name: "a b"\n', ['MANIFEST_INVALID_NAME name']],
    ['legacy invalid version', 'name: p\nversion: "1.0"\n', ['MANIFEST_INVALID_VERSION version']],
    ['legacy wrong kind', 'name: p\nignoreFlags: sometimes\n', ['MANIFEST_INVALID_FIELD ignoreFlags']],
    [
      'legacy command conflict',
      'name: p\ncommand: a\nplatformCommand: [{command: b}]\n',
      ['MANIFEST_COMMAND_CONFLICT command'],
    ],
    [
      'legacy hooks conflict',
      'name: p\nhooks: {install: a}\nplatformHooks: {install: [{command: b}]}\n',
      ['MANIFEST_HOOKS_CONFLICT hooks'],
    ],
    [
      'legacy downloader problems',
      'name: p\ndownloaders:\n  - {protocols: [s3]}\n  - {command: c}\n  - {command: c, protocols: [a, ""]}\n',
      [
        'MANIFEST_DOWNLOADER_NO_COMMAND downloaders.0.command',
        'MANIFEST_DOWNLOADER_NO_PROTOCOLS downloaders.1.protocols',
        'MANIFEST_DOWNLOADER_EMPTY_PROTOCOL downloaders.2.protocols.1',
      ],
    ],
  ])('%s', (_label, text, expected) => {
    const r = parse(text);
    expect(r.metadata).toBeUndefined();
    expect(problems(text)).toEqual(expected);
  });

  it('reports every problem of a v1 file at once', () => {
    const text =
      'apiVersion: v1\nname: "bad name"\nversion: v1\ntype: nope/v1\nruntime: docker\nextra: 1\nsourceURL: {}\n';
    expect(problems(text)).toEqual([
      'MANIFEST_UNKNOWN_FIELD extra',
      'MANIFEST_INVALID_FIELD sourceURL',
      'MANIFEST_INVALID_NAME name',
      'MANIFEST_INVALID_VERSION version',
      'MANIFEST_UNKNOWN_TYPE type',
      'MANIFEST_UNKNOWN_RUNTIME runtime',
    ]);
  });

  it('reports every problem of a legacy file at once', () => {
    const text =
      'name: "x/y"\nversion: "01.0.0"\ncommand: a\nplatformCommand: [{command: b}]\nhooks: {install: a}\nplatformHooks: {delete: []}\nplatformHooks2: ignored\ndownloaders: [{protocols: []}]\n';
    expect(problems(text)).toEqual([
      'MANIFEST_INVALID_NAME name',
      'MANIFEST_INVALID_VERSION version',
      'MANIFEST_COMMAND_CONFLICT command',
      'MANIFEST_HOOKS_CONFLICT hooks',
      'MANIFEST_DOWNLOADER_NO_COMMAND downloaders.0.command',
      'MANIFEST_DOWNLOADER_NO_PROTOCOLS downloaders.0.protocols',
    ]);
  });

  it('keeps what it could read in `partial`', () => {
    expect(parse('apiVersion: v1\nname: p\nversion: 1.0.0\ntype: cli.plugins.helm.sh/v1\n').partial).toEqual({
      apiVersion: 'v1',
      name: 'p',
      version: '1.0.0',
      type: 'cli/v1',
    });
    expect(parse('apiVersion: v9\nname: p\ntype: x/v1\n').partial).toEqual({
      apiVersion: 'v9',
      name: 'p',
      type: 'x/v1',
    });
    expect(parse('name: "a b"\ndownloaders: [{}]\n').partial).toEqual({
      apiVersion: 'legacy',
      name: 'a b',
      type: 'getter/v1',
    });
    expect(parse('name: [p\n').partial).toEqual({});
  });

  it('uses Helm messages', () => {
    const messages = (text: string) => parse(text).issues.map((i) => i.message);
    expect(messages(v1().replace('name: p', 'name: x.y'))).toEqual([
      'invalid plugin name "x.y": must contain only a-z, A-Z, 0-9, _ and -',
    ]);
    expect(messages(v1().replace('version: 1.0.0\n', ''))).toEqual(['plugin `version` is required']);
    expect(messages(v1().replace('1.0.0', 'v1.0.0'))).toEqual([
      'invalid plugin `version` "v1.0.0": must be valid semver',
    ]);
    expect(messages(v1().replace('cli/v1', 'x'))).toEqual(['unknown plugin type "x"']);
    expect(messages(v1().replace('subprocess', 'x'))).toEqual(['unsupported plugin runtime type: "x"']);
    expect(messages('apiVersion: v2\n')).toEqual(['invalid plugin apiVersion: "v2"']);
  });

  it('fails a legacy plugin when the host has no cli/v1 type or subprocess runtime', () => {
    const empty = testRegistry();
    const bare = { ...empty, type: () => undefined, runtime: () => undefined };
    expect(parseManifest('name: p\n', bare).issues.map((i) => i.code)).toEqual([
      'MANIFEST_UNKNOWN_TYPE',
      'MANIFEST_UNKNOWN_RUNTIME',
    ]);
  });
});
