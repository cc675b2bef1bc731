import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRegistry } from '../../../test-support/servers/oci-registry.js';
import { goodPlugins, ours, real } from './distribution-support.js';
import { type RunResult, runOurs, runReal, tempHelmHome } from './support.js';

/** Our first error line without its ` [CODE]`, to compare with Helm's. */
const firstLine = (r: RunResult) => (r.stderr.split('\n')[0] ?? '').replace(/ \[[A-Z_]+\]$/, '');
const withoutHelmBin = (s: string) => s.replace(/^HELM_BIN=.*\n/m, '');

/** Every global flag of Helm's, with a value. */
const GLOBALS = [
  '-n',
  'foo',
  '--kube-context',
  'ctx',
  '--kube-as-group',
  'a',
  '--kube-as-user=u',
  '--kube-token',
  't',
  '--kube-apiserver',
  'https://k:6443',
  '--kube-ca-file=/ca.pem',
  '--kube-insecure-skip-tls-verify',
  '--kube-tls-server-name',
  'sn',
  '--kubeconfig',
  '/kube/config',
  '--registry-config',
  '/r/config.json',
  '--repository-config=/r/repositories.yaml',
  '--repository-cache',
  '/r/cache',
  '--content-cache',
  '/r/content',
  '--burst-limit',
  '7',
  '--qps=2.5',
  '--color',
  'never',
  '--colour=always',
  '--debug',
];

describe("Helm's global flags are accepted by every command, anywhere cobra accepts them", () => {
  it.each([
    [['plugin', 'list', '--debug']],
    [['--debug', 'plugin', 'list']],
    [['plugin', '--debug=true', 'list']],
    [['-n', 'foo', 'plugin', 'list']],
    [['plugin', '-n', 'foo', 'list', '--kube-context=c']],
    [['plugin', 'list', '--namespace=foo', '--qps', '3', '--burst-limit', '4', '--color', 'never', '--colour=always']],
    [['plugin', 'list', '--namespace', 'a', '--namespace', 'b', '--kube-insecure-skip-tls-verify=false']],
    [['plugin', 'ls', ...GLOBALS]],
    [['plugin', 'list', 'extra', '--', '--bogus']],
  ])('helm %j: same output and exit code', (args) => {
    using home = tempHelmHome();
    const r = runReal(args, home.env);
    const o = runOurs(args, home.env);
    expect(r.status).toBe(0);
    expect(o.status, o.stderr).toBe(0);
    expect(o.stdout).toBe(r.stdout);
    // Helm's `level=DEBUG msg=pluginDirs directory=…` line with --debug, nothing else.
    expect(o.stderr).toBe(r.stderr);
  });

  it('their values reach the settings: helm env, before or after the command, and env NAME', () => {
    using home = tempHelmHome();
    for (const args of [
      [...GLOBALS, 'env'],
      ['env', ...GLOBALS],
    ]) {
      const r = runReal(args, home.env);
      const o = runOurs(args, home.env);
      expect([o.status, r.status]).toEqual([0, 0]);
      // Helm parses the global flags twice, so each --kube-as-group is in HELM_KUBEASGROUPS twice (docs/compat.md).
      expect(r.stdout).toContain('HELM_KUBEASGROUPS="a,a"\n');
      expect(withoutHelmBin(o.stdout)).toBe(withoutHelmBin(r.stdout).replace('"a,a"', '"a"'));
    }
    for (const name of ['HELM_NAMESPACE', 'KUBECONFIG', 'HELM_CONTENT_CACHE', 'HELM_QPS', 'NOPE']) {
      const args = ['--kubeconfig', '/k', 'env', name, '-n', 'bar', '--content-cache=/cc', '--qps', '1'];
      expect(runOurs(args, home.env).stdout).toBe(runReal(args, home.env).stdout);
    }
  });

  it('plugin install and uninstall take them too (and --debug=false after HELM_DEBUG)', () => {
    using home = tempHelmHome();
    const src = path.join(goodPlugins, 'echo-legacy');
    const env = { ...home.env, HELM_DEBUG: 'true' };
    const install = ['-n', 'foo', 'plugin', 'install', src, '--kube-context', 'c', '--debug=false'];
    using realHome = tempHelmHome();
    const r = runReal(install, realHome.env);
    const o = runOurs(install, env);
    expect([o.status, r.status]).toEqual([0, 0]);
    expect(o.stdout).toBe(r.stdout);
    const uninstall = ['plugin', 'uninstall', 'echo-legacy', '--kube-context', 'c', '--registry-config', '/x'];
    const ru = runReal(uninstall, realHome.env);
    const ou = runOurs(uninstall, env);
    expect([ou.status, ru.status]).toEqual([0, 0]);
    expect(ou.stdout).toBe(ru.stdout);
  });
});

describe("usage errors: Helm's first line and exit code (ours adds the code and a hint line)", () => {
  it.each([
    [['plugin', 'list', '--bogus']],
    [['plugin', 'list', '-x']],
    [['plugin', '--bogus']],
    [['plugin', 'foo', '--bogus']],
    [['completion', '--bogus']],
    [['--bogus']],
    [['--version']],
    [['plugin', 'install']],
    [['plugin', 'add']],
    [['plugin', 'install', 'a', 'b']],
    [['plugin', 'install', '--version']],
    [['plugin', 'package']],
    [['plugin', 'verify', 'a', 'b']],
    [['plugin', 'uninstall']],
    [['plugin', 'rm']],
    [['plugin', 'update']],
    [['pull']],
    [['completion', 'bash', 'extra']],
    [['version', 'extra']],
    [['env', 'a', 'b']],
    [['plugin', 'list', '-n']],
    [['plugin', '-n']],
    [['plugin', 'list', '--kube-context']],
    [['plugin', 'list', '--qps', 'abc']],
    [['plugin', 'list', '--burst-limit', 'x']],
    [['plugin', 'list', '--debug=maybe']],
    [['plugin', 'list', '--kube-insecure-skip-tls-verify=maybe']],
    [['version', '--template', '{{ .Bogus }}']],
    [['version', '--template', 'a\n {{.version}}']],
    [['version', '--template', '{{ .Version']],
    [['version', '--template', '{{}}']],
  ])('helm %j', (args) => {
    using home = tempHelmHome();
    const r = runReal(args, home.env);
    const o = runOurs(args, home.env);
    expect(r.status).toBe(1);
    expect(o.status).toBe(1);
    expect(o.stdout).toBe('');
    expect(firstLine(o)).toBe(r.stderr.split('\n').find((l) => l.startsWith('Error: ')));
    expect(o.stderr).toMatch(/^Error: .* \[CLI_[A-Z_]+\]\n {2}hint: .+\n$/);
  });

  it('--color with a bad value: Helm logs it as a failed command, we print it as an error; both exit 1', () => {
    using home = tempHelmHome();
    const args = ['plugin', 'list', '--color', 'bogus'];
    const r = runReal(args, home.env);
    const o = runOurs(args, home.env);
    expect([o.status, r.status]).toEqual([1, 1]);
    expect(r.stderr).toContain('error="invalid color mode \\"bogus\\": must be one of: never, auto, always"');
    expect(firstLine(o)).toBe('Error: invalid color mode "bogus": must be one of: never, auto, always');
  });

  it('--json still gives a JSON error', () => {
    using home = tempHelmHome();
    for (const args of [
      ['plugin', 'list', '--json', '--bogus'],
      ['plugin', 'install', '--json'],
      ['plugin', '--json'],
    ]) {
      const o = runOurs(args, home.env);
      expect(o.status).toBe(1);
      expect(JSON.parse(o.stdout)).toMatchObject({ error: { code: expect.stringMatching(/^CLI_/) } });
    }
  });
});

describe('help and unknown sub-commands', () => {
  it.each([
    [['plugin'], 'plugin'],
    [['plugin', 'foo'], 'plugin'],
    [['plugin', '--debug', '-n', 'x'], 'plugin'],
    [['help', 'plugin', 'foo'], 'plugin'],
    [['plugin', '--help'], 'plugin'],
    [['plugin', '-h'], 'plugin'],
    [['completion', 'foo'], 'completion'],
    [['plugin', 'list', '-h'], 'list'],
    [['plugin', 'list', '--help', 'extra'], 'list'],
    [['help', 'plugin', 'ls'], 'list'],
    [['plugin', 'install', '-h'], 'install'],
    [['help', 'plugin', 'install'], 'install'],
    [['version', '--help'], 'version'],
    [['-h'], 'root'],
    [['--debug'], 'root'],
    [[], 'root'],
  ])('helm %j is help (exit 0), as in Helm', (args, of) => {
    using home = tempHelmHome();
    const r = runReal(args, home.env);
    const o = runOurs(args, home.env);
    expect([o.status, r.status]).toEqual([0, 0]);
    expect(o.stderr).toBe('');
    const usage = { root: /\$ helm \[COMMAND\]/, plugin: /\$ helm plugin COMMAND/ }[of as 'root' | 'plugin'];
    expect(o.stdout).toMatch(usage ?? new RegExp(`\\$ helm (plugin )?${of}\\b`));
    if (of === 'plugin') expect(r.stdout).toContain('helm plugin [command]');
  });

  it('helm help <unknown> is Helm’s "Unknown help topic" on stderr, exit 0', () => {
    using home = tempHelmHome();
    for (const args of [
      ['help', 'foo'],
      ['help', 'foo', 'bar'],
    ]) {
      const r = runReal(args, home.env);
      const o = runOurs(args, home.env);
      expect([o.status, r.status]).toEqual([0, 0]);
      expect(o.stdout).toBe('');
      expect(o.stderr.split('\n')[0]).toBe(r.stderr.split('\n')[0]);
    }
  });
});

describe('helm version, as plugins use it to tell Helm 3 from 4', () => {
  const BUILD_INFO =
    /^version\.BuildInfo\{Version:"v4\.1\.4(\+[0-9A-Za-z.-]+)?", GitCommit:"[0-9a-f]*", GitTreeState:"(clean|dirty|)", GoVersion:"(go|node)[0-9.]+", KubeClientVersion:"v1\.35"\}\n$/;

  it("prints Helm's formats: BuildInfo, --short, --template (fast path and oclif alike)", () => {
    using home = tempHelmHome();
    for (const env of [home.env, { ...home.env, HELM4_NO_FAST_PATH: '1' }]) {
      const r = runReal(['version'], env);
      const o = runOurs(['version'], env);
      expect(r.stdout).toMatch(BUILD_INFO);
      expect(o.stdout).toMatch(BUILD_INFO);
      expect(o.stdout).toMatch(/Version:"v4\.1\.4\+helm4\.\d+\.\d+\.\d+"/);

      const rs = runReal(['version', '--short'], env).stdout;
      const os = runOurs(['version', '--short'], env).stdout;
      expect(rs).toMatch(/^v4\.1\.4\+g[0-9a-f]{7}\n$/);
      expect(os).toMatch(/^v4\.1\.4\+helm4\.\d+\.\d+\.\d+\n$/);

      const template = '{{.KubeClientVersion}} {{ .Version | printf "%s" }}';
      expect(runOurs(['version', '--template', '{{.KubeClientVersion}}'], env).stdout).toBe(
        runReal(['version', '--template', '{{.KubeClientVersion}}'], env).stdout,
      );
      expect(runReal(['version', '--template', template], env).status).toBe(0);
      expect(runOurs(['version', '--template', template], env).stderr).toMatch(
        /not supported.*\[CLI_VERSION_TEMPLATE\]/,
      );
      const majorOf = (s: string) => s.split('.')[0];
      for (const args of [
        ['version', '--template={{.Version}}'],
        ['version', '--short', '--template', '{{.Version}}'],
        ['--debug', 'version', '--template', '{{ .Version }}'],
      ]) {
        const theirs = runReal(args, env);
        const mine = runOurs(args, env);
        expect([mine.status, theirs.status]).toEqual([0, 0]);
        expect(majorOf(mine.stdout)).toBe(majorOf(theirs.stdout));
        expect(mine.stdout).toMatch(/^v4\.1\.4\+helm4\.[0-9.]+$/);
      }
      // Go prints a struct's fields separated by spaces.
      expect(runReal(['version', '--template', '{{.}}'], env).stdout).toMatch(
        /^\{v4\.1\.4 [0-9a-f]+ clean go\S+ v1\.35\}$/,
      );
      expect(runOurs(['version', '--template', '{{.}}'], env).stdout).toMatch(
        /^\{v4\.1\.4\+helm4\.\S+ {3}node\S+ v1\.35\}$/,
      );
    }
  });

  it('Helm 4 refuses Helm 3’s --client/-c; we accept them (docs/compat.md)', () => {
    using home = tempHelmHome();
    expect(runReal(['version', '-c'], home.env).stderr).toBe("Error: unknown shorthand flag: 'c' in -c\n");
    expect(runOurs(['version', '-c', '--short'], home.env).stdout).toMatch(/^v4\.1\.4\+helm4\./);
    expect(runOurs(['version', '--client'], home.env).stdout).toMatch(/^version\.BuildInfo\{/);
  });
});

describe('--registry-config is the registry config OCI install and push use', () => {
  it('push and install authenticate with the auths of --registry-config (Helm 4 reads only the default file)', async () => {
    using home = tempHelmHome();
    await using reg = await startRegistry({ auth: { username: 'helm', password: 'pw' } });
    const dest = path.join(home.root, 'pkg');
    const pack = await ours(
      ['plugin', 'package', path.join(goodPlugins, 'echo-v1'), '--sign=false', '-d', dest],
      home.env,
    );
    expect(pack.status, pack.stderr).toBe(0);
    const tgz = path.join(dest, 'echo-v1-1.2.3.tgz');
    const auths = JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from('helm:pw').toString('base64') } } });
    const config = path.join(home.root, 'elsewhere', 'registry.json');
    mkdirSync(path.dirname(config), { recursive: true });
    writeFileSync(config, auths);
    const remote = `oci://${reg.host}/plugins/echo-v1`;

    const denied = await ours(['plugin', 'push', tgz, remote, '--plain-http'], home.env);
    expect(denied.stderr).toContain('[DIST_OCI_AUTH_FAILED]');
    const push = await ours(['--registry-config', config, 'plugin', 'push', tgz, remote, '--plain-http'], home.env);
    expect(push.status, push.stderr).toBe(0);

    const install = [
      'plugin',
      'install',
      `${remote}:1.2.3`,
      '--plain-http',
      '--verify=false',
      '--registry-config',
      config,
    ];
    reg.tokenRequests.length = 0;
    const mine = await ours(install, home.env);
    expect(mine.status, mine.stderr).toBe(0);
    expect(reg.tokenRequests).toEqual(['helm repository:plugins/echo-v1:pull']);

    // Helm's OCI plugin installer builds its registry client without the settings: it asks anonymously despite
    // --registry-config (and HELM_REGISTRY_CONFIG), and uses only $HELM_CONFIG_HOME/registry/config.json.
    using realHome = tempHelmHome();
    reg.tokenRequests.length = 0;
    const theirs = await real(install, realHome.env);
    expect(theirs.status, theirs.stderr).toBe(0);
    expect(mine.stdout).toBe(theirs.stdout);
    expect(new Set(reg.tokenRequests)).toEqual(new Set(['anonymous repository:plugins/echo-v1:pull']));
    using realHome2 = tempHelmHome();
    const defaultConfig = path.join(realHome2.root, 'config', 'registry', 'config.json'); // $HELM_CONFIG_HOME/…
    mkdirSync(path.dirname(defaultConfig), { recursive: true });
    writeFileSync(defaultConfig, auths);
    reg.tokenRequests.length = 0;
    expect((await real(install, realHome2.env)).status).toBe(0);
    expect(new Set(reg.tokenRequests)).toEqual(new Set(['helm repository:plugins/echo-v1:pull']));
  });
});
