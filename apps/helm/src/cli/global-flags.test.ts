import { describe, expect, it } from 'vitest';
import { globalOverrides, locateCommandWord, normalizeGlobalArgv, scanGlobalFlags } from './global-flags.js';

describe('locateCommandWord (cobra Find at the root)', () => {
  it('skips global flags and their values', () => {
    expect(locateCommandWord(['args', '-a'])).toEqual({ word: 'args', index: 0 });
    expect(locateCommandWord(['-n', 'ns', 'args'])).toEqual({ word: 'args', index: 2 });
    expect(locateCommandWord(['--namespace=ns', '--debug', 'args', 'x'])).toEqual({ word: 'args', index: 2 });
    expect(locateCommandWord(['--kube-insecure-skip-tls-verify', 'args'])).toEqual({ word: 'args', index: 1 });
    expect(locateCommandWord(['-abc', 'args'])).toEqual({ word: 'args', index: 1 });
  });

  it('takes an unknown flag, --help and -h as taking a value, as cobra does before the help flag exists', () => {
    expect(locateCommandWord(['--help', 'args'])).toBeUndefined();
    expect(locateCommandWord(['-h', 'args'])).toBeUndefined();
    expect(locateCommandWord(['--foo', 'bar', 'args'])).toEqual({ word: 'args', index: 2 });
  });

  it('finds no word in none, after --, or in flags only', () => {
    expect(locateCommandWord([])).toBeUndefined();
    expect(locateCommandWord(['--', 'args'])).toBeUndefined();
    expect(locateCommandWord(['--debug', ''])).toBeUndefined();
  });
});

describe('normalizeGlobalArgv (pflag meaning for oclif)', () => {
  it("turns Go's --flag=bool into oclif booleans and refuses what ParseBool refuses", () => {
    expect(normalizeGlobalArgv(['--debug=false', '--kube-insecure-skip-tls-verify=T', '--debug'])).toEqual([
      '--no-debug',
      '--kube-insecure-skip-tls-verify',
      '--debug',
    ]);
    expect(() => normalizeGlobalArgv(['--debug=maybe'])).toThrow(
      expect.objectContaining({ code: 'CLI_INVALID_FLAG_VALUE' }),
    );
  });

  it('keeps the last value of a repeated flag (--color and --colour are one), every --kube-as-group', () => {
    expect(normalizeGlobalArgv(['-n', 'a', 'x', '--namespace=b', '--color', 'never', '--colour=always'])).toEqual([
      'x',
      '--namespace=b',
      '--colour=always',
    ]);
    expect(normalizeGlobalArgv(['--kube-as-group', 'a', '--kube-as-group=b'])).toEqual([
      '--kube-as-group',
      'a',
      '--kube-as-group=b',
    ]);
    expect(normalizeGlobalArgv(['-nfoo', '-n=bar'])).toEqual(['-n=bar']);
  });

  it('leaves other flags and everything after -- alone; a value flag at the end needs its argument', () => {
    expect(normalizeGlobalArgv(['--type', 'x', '--', '--debug=false', '-n', 'a', '-n', 'b'])).toEqual([
      '--type',
      'x',
      '--',
      '--debug=false',
      '-n',
      'a',
      '-n',
      'b',
    ]);
    expect(() => normalizeGlobalArgv(['-n'])).toThrow(
      expect.objectContaining({ code: 'CLI_FLAG_NEEDS_ARGUMENT', message: "flag needs an argument: 'n' in -n" }),
    );
    expect(() => normalizeGlobalArgv(['--kube-context'])).toThrow(
      expect.objectContaining({ code: 'CLI_FLAG_NEEDS_ARGUMENT', message: 'flag needs an argument: --kube-context' }),
    );
  });
});

describe('globalOverrides (what the global flags set)', () => {
  it('maps every global flag to its setting', () => {
    expect(
      globalOverrides({
        debug: true,
        namespace: 'ns',
        'kube-context': 'c',
        'kube-token': 't',
        'kube-as-user': 'u',
        'kube-as-group': ['g1', 'g2'],
        'kube-apiserver': 'https://k',
        'kube-ca-file': '/ca',
        'kube-insecure-skip-tls-verify': false,
        'kube-tls-server-name': 'sn',
        kubeconfig: '/kc',
        'registry-config': '/r.json',
        'repository-config': '/repos.yaml',
        'repository-cache': '/rc',
        'content-cache': '/cc',
        'burst-limit': '7',
        qps: '2.5',
        color: 'never',
      }),
    ).toEqual({
      debug: true,
      namespace: 'ns',
      kubeContext: 'c',
      kubeToken: 't',
      kubeAsUser: 'u',
      kubeAsGroups: ['g1', 'g2'],
      kubeAPIServer: 'https://k',
      kubeCaFile: '/ca',
      kubeInsecureSkipTLSVerify: false,
      kubeTLSServerName: 'sn',
      kubeConfig: '/kc',
      registryConfig: '/r.json',
      repositoryConfig: '/repos.yaml',
      repositoryCache: '/rc',
      contentCache: '/cc',
      burstLimit: 7,
      qps: 2.5,
      colorMode: 'never',
    });
    expect(globalOverrides({})).toEqual({});
    expect(globalOverrides({ namespace: '' })).toEqual({ namespace: 'default' });
  });

  it("refuses what pflag and Helm refuse, with Helm's messages", () => {
    const invalid = (values: Record<string, string>, message: string) =>
      expect(() => globalOverrides(values)).toThrow(
        expect.objectContaining({ code: 'CLI_INVALID_FLAG_VALUE', message }),
      );
    invalid(
      { qps: 'abc' },
      'invalid argument "abc" for "--qps" flag: strconv.ParseFloat: parsing "abc": invalid syntax',
    );
    invalid(
      { 'burst-limit': 'x' },
      'invalid argument "x" for "--burst-limit" flag: strconv.ParseInt: parsing "x": invalid syntax',
    );
    invalid({ colour: 'bogus' }, 'invalid color mode "bogus": must be one of: never, auto, always');
  });
});

describe('scanGlobalFlags (flags of a command line that runs no command)', () => {
  it('collects global flags, notes help and returns the first unknown flag', () => {
    expect(scanGlobalFlags(['foo', '-n', 'ns', '--debug'])).toEqual({
      values: { namespace: 'ns', debug: true },
      help: false,
      unknown: undefined,
    });
    expect(scanGlobalFlags(['-h']).help).toBe(true);
    expect(scanGlobalFlags(['--debug', '--bogus', 'x']).unknown).toBe('--bogus');
    expect(() => scanGlobalFlags(['--qps', 'x'])).toThrow(expect.objectContaining({ code: 'CLI_INVALID_FLAG_VALUE' }));
  });
});
