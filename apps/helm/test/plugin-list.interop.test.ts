import { appendFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOurs, runReal, sharedFixtures, tempHelmHome } from './support.js';

const fixtureDirs = {
  good: path.join(sharedFixtures, 'internal/plugin/testdata/plugdir/good'),
  helmhome: path.join(sharedFixtures, 'pkg/cmd/testdata/helmhome/helm/plugins'),
  space: path.join(sharedFixtures, 'pkg/cmd/testdata/helm home with space/helm/plugins'),
  getters: path.join(sharedFixtures, 'pkg/getter/testdata/plugins'),
  postrenderers: path.join(sharedFixtures, 'pkg/postrenderer/testdata/plugins'),
};

describe('helm plugin list matches real Helm 4', () => {
  it.each([
    ['plugdir/good', fixtureDirs.good],
    ['helm home with space', fixtureDirs.space],
    ['getter testdata', fixtureDirs.getters],
    ['postrenderer testdata', fixtureDirs.postrenderers],
    ['a HELM_PLUGINS path list', `${fixtureDirs.good}${path.delimiter}${fixtureDirs.getters}`],
  ])('%s: identical stdout', (_name, plugins) => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: plugins };
    const real = runReal(['plugin', 'list'], env);
    const ours = runOurs(['plugin', 'list'], env);
    expect(real.status).toBe(0);
    expect(ours.status).toBe(0);
    expect(ours.stdout).toBe(real.stdout);
    expect(ours.stderr).toBe('');
  });

  it('--type filters exactly like Helm', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: fixtureDirs.good };
    for (const type of ['getter/v1', 'cli/v1', 'postrenderer/v1', 'nosuch/v1']) {
      expect(runOurs(['plugin', 'list', '--type', type], env).stdout).toBe(
        runReal(['plugin', 'list', '--type', type], env).stdout,
      );
    }
  });

  it('a plugin that fails to load is listed as quarantined, the others exactly as Helm lists them', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: fixtureDirs.helmhome };
    const real = runReal(['plugin', 'list'], env);
    const ours = runOurs(['plugin', 'list'], env);
    expect(ours.status).toBe(0);
    const ourLines = ours.stdout.trimEnd().split('\n');
    const quarantined = ourLines.filter((l) => l.includes('quarantined'));
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatch(/^noversion\s.*MANIFEST_VERSION_REQUIRED/);
    // Without our extra row (and its effect on the padding) the table is Helm's.
    const strip = (s: string) =>
      s
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t').map((c) => c.trimEnd()))
        .filter((cells) => cells[4] !== 'quarantined');
    expect(strip(ours.stdout)).toEqual(strip(real.stdout));
    expect(ours.stderr).toMatch(/noversion.*plugin `version` is required \[MANIFEST_VERSION_REQUIRED\]/);
  });

  it('--json carries the plugins and the quarantined ones with their codes', () => {
    using home = tempHelmHome();
    const ours = runOurs(['plugin', 'list', '--json'], { ...home.env, HELM_PLUGINS: fixtureDirs.helmhome });
    expect(ours.status).toBe(0);
    const out = JSON.parse(ours.stdout) as {
      plugins: { name: string; provenance: string }[];
      quarantined: { dir: string; issues: { code: string }[] }[];
    };
    expect(out.plugins.map((p) => p.name)).toEqual([
      'args',
      'echo',
      'exitwith',
      'fullenv',
      'postrenderer-v1',
      'shortenv',
    ]);
    expect(out.quarantined.map((q) => [path.basename(q.dir), q.issues.map((i) => i.code)])).toEqual([
      ['noversion', ['MANIFEST_VERSION_REQUIRED']],
    ]);
  });

  it('the PROVENANCE column matches Helm for signed, local dev, unsigned, mismatched, invalid and unknown', () => {
    using home = tempHelmHome();
    const env = home.env;
    const keys = path.join(sharedFixtures, 'pkg/cmd/testdata');
    const src = path.join(home.root, 'src');
    const out = path.join(home.root, 'out');
    mkdirSync(out, { recursive: true });
    const makePlugin = (name: string) => {
      const dir = path.join(src, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        path.join(dir, 'plugin.yaml'),
        `apiVersion: v1\nname: ${name}\ntype: cli/v1\nruntime: subprocess\nversion: 1.0.0\nsourceURL: https://example.com/${name}\nruntimeConfig:\n  platformCommand:\n    - command: echo\n`,
      );
      return dir;
    };
    const pack = (name: string, sign: boolean) => {
      const r = runReal(
        [
          'plugin',
          'package',
          makePlugin(name),
          '-d',
          out,
          ...(sign ? ['--key', 'helm-test', '--keyring', path.join(keys, 'helm-test-key.secret')] : ['--sign=false']),
        ],
        env,
      );
      expect(r.status, r.stderr).toBe(0);
      return path.join(out, `${name}-1.0.0.tgz`);
    };
    const install = (source: string, ...flags: string[]) => {
      const r = runReal(['plugin', 'install', source, ...flags], env);
      expect(r.status, r.stderr).toBe(0);
    };
    const pub = ['--keyring', path.join(keys, 'helm-test-key.pub')];
    install(pack('p-signed', true), ...pub);
    install(pack('p-mismatched', true), ...pub);
    install(pack('p-invalid', true), ...pub);
    install(pack('p-unsigned', false), '--verify=false');
    install(makePlugin('p-localdev'));
    const dataPlugins = path.join(home.root, 'data', 'plugins');
    appendFileSync(path.join(dataPlugins, 'p-mismatched-1.0.0.tgz'), 'tampered');
    writeFileSync(path.join(dataPlugins, 'p-invalid-1.0.0.tgz.prov'), 'not a clearsigned message\n');
    // A plugin outside DataPath/plugins: Helm cannot find its install record.
    const elsewhere = path.join(home.root, 'elsewhere');
    cpSync(makePlugin('p-elsewhere'), path.join(elsewhere, 'p-elsewhere'), { recursive: true });

    const listEnv = { ...env, HELM_PLUGINS: `${dataPlugins}${path.delimiter}${elsewhere}` };
    const real = runReal(['plugin', 'list'], listEnv);
    const ours = runOurs(['plugin', 'list'], listEnv);
    expect(ours.stdout).toBe(real.stdout);
    const statuses = Object.fromEntries(
      ours.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t').map((c) => c.trim()))
        .map((c) => [c[0], c[4]]),
    );
    expect(statuses).toEqual({
      'p-elsewhere': 'unknown',
      'p-invalid': 'invalid provenance',
      'p-localdev': 'local dev',
      'p-mismatched': 'mismatched provenance',
      'p-signed': 'signed',
      'p-unsigned': 'unsigned',
    });
  });
});

describe('helm env matches real Helm 4', () => {
  it('prints the same HELM_* variables (HELM_BIN aside)', () => {
    using home = tempHelmHome();
    const env = {
      ...home.env,
      HELM_NAMESPACE: 'team-a',
      HELM_KUBEASGROUPS: 'g1,g2',
      HELM_DEBUG: '1',
      HELM_QPS: '2.5',
      KUBECONFIG: '/k/config',
      HELM_PLUGINS: '/p1:/p2',
    };
    const strip = (s: string) =>
      s
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('HELM_BIN='))
        .join('\n');
    expect(strip(runOurs(['env'], env).stdout)).toBe(strip(runReal(['env'], env).stdout));
  });
});
