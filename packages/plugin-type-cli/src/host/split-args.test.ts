import { isHelm4Error } from '@helm4/errors';
import { describe, expect, it } from 'vitest';
import { cliInputMessage, splitHelmArgs } from './split-args.js';

describe('splitHelmArgs (Helm manuallyProcessArgs)', () => {
  it("splits Helm's TestManuallyProcessArgs input exactly", () => {
    const input = [
      '--debug',
      '--foo',
      'bar',
      '--kubeconfig=/home/foo',
      '--kubeconfig',
      '/home/foo',
      '--kube-context=test1',
      '--kube-context',
      'test1',
      '--kube-as-user',
      'pikachu',
      '--kube-as-group',
      'teatime',
      '--kube-as-group',
      'admins',
      '-n=test2',
      '-n',
      'test2',
      '--namespace=test2',
      '--namespace',
      'test2',
      '--home=/tmp',
      'command',
    ];
    const r = splitHelmArgs(input);
    expect(r.knownArgs).toEqual([
      '--debug',
      '--kubeconfig=/home/foo',
      '--kubeconfig',
      '/home/foo',
      '--kube-context=test1',
      '--kube-context',
      'test1',
      '--kube-as-user',
      'pikachu',
      '--kube-as-group',
      'teatime',
      '--kube-as-group',
      'admins',
      '-n=test2',
      '-n',
      'test2',
      '--namespace=test2',
      '--namespace',
      'test2',
    ]);
    expect(r.unknown).toEqual(['--foo', 'bar', '--home=/tmp', 'command']);
    expect(r.known).toEqual({
      debug: true,
      kubeConfig: '/home/foo',
      kubeContext: 'test1',
      kubeAsUser: 'pikachu',
      kubeAsGroups: ['teatime', 'admins'],
      namespace: 'test2',
    });
  });

  it('maps every global flag to its setting', () => {
    const r = splitHelmArgs([
      '--kube-apiserver=https://k',
      '--kube-token',
      'tok',
      '--kube-ca-file',
      '/ca',
      '--registry-config=/r.json',
      '--repository-cache',
      '/cache',
      '--repository-config',
      '/repos.yaml',
      '--kube-tls-server-name=srv',
    ]);
    expect(r.unknown).toEqual([]);
    expect(r.known).toEqual({
      kubeAPIServer: 'https://k',
      kubeToken: 'tok',
      kubeCaFile: '/ca',
      registryConfig: '/r.json',
      repositoryCache: '/cache',
      repositoryConfig: '/repos.yaml',
      kubeTLSServerName: 'srv',
    });
  });

  it('takes the value after --kube-insecure-skip-tls-verify only when it is a boolean', () => {
    expect(splitHelmArgs(['--kube-insecure-skip-tls-verify', 'false', 'x'])).toMatchObject({
      knownArgs: ['--kube-insecure-skip-tls-verify=false'],
      known: { kubeInsecureSkipTLSVerify: false },
      unknown: ['x'],
    });
    expect(splitHelmArgs(['--kube-insecure-skip-tls-verify', 'x'])).toMatchObject({
      known: { kubeInsecureSkipTLSVerify: true },
      unknown: ['x'],
    });
    expect(splitHelmArgs(['--kube-insecure-skip-tls-verify=T']).known).toEqual({ kubeInsecureSkipTLSVerify: true });
  });

  it('passes through what Helm does not recognise: --debug=true, other global flags, --help', () => {
    const args = ['--debug=true', '--burst-limit', '5', '--qps=2', '--help', '-nfoo', '--', '-n'];
    const r = splitHelmArgs(args.slice(0, -1));
    expect(r.unknown).toEqual(args.slice(0, -1));
    expect(r.known).toEqual({});
  });

  it('takes the next argument as the value even when it looks like a flag (pflag)', () => {
    expect(splitHelmArgs(['--namespace', '--debug']).known).toEqual({ namespace: '--debug' });
  });

  it('fails like the root flag parse: missing value, non-boolean skip-tls value', () => {
    for (const [args, code] of [
      [['x', '--namespace'], 'CLI_FLAG_NEEDS_ARGUMENT'],
      [['-n'], 'CLI_FLAG_NEEDS_ARGUMENT'],
      [['--kube-insecure-skip-tls-verify=maybe'], 'CLI_INVALID_FLAG_VALUE'],
    ] as const) {
      let caught: unknown;
      try {
        splitHelmArgs(args);
      } catch (err) {
        caught = err;
      }
      expect(isHelm4Error(caught, code)).toBe(true);
    }
  });

  it('an empty --namespace means the default namespace', () => {
    expect(splitHelmArgs(['--namespace=']).known).toEqual({ namespace: 'default' });
  });
});

describe('cliInputMessage', () => {
  it('sends the unknown arguments, or none with ignoreFlags', () => {
    expect(cliInputMessage(['-a', 'x'], false)).toEqual({ extraArgs: ['-a', 'x'] });
    expect(cliInputMessage(['-a', 'x'], true)).toEqual({ extraArgs: [] });
  });
});
