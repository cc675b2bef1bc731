import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT, goodPlugins, keys } from './distribution-support.js';
import { repoRoot, runOurs, runReal, tempHelmHome } from './support.js';

const UID = 'Helm Testing (This key should only be used for testing. DO NOT TRUST.) <helm-testing@helm.sh>';

/** A home with `signed` installed from a tarball we signed (verified) and hello-v1 linked from a directory. */
function homeWithSignedPlugin() {
  const home = tempHelmHome();
  const src = path.join(home.root, 'src', 'signed');
  mkdirSync(src, { recursive: true });
  writeFileSync(
    path.join(src, 'plugin.yaml'),
    'apiVersion: v1\nname: signed\ntype: cli/v1\nruntime: subprocess\nversion: 1.0.0\n' +
      'sourceURL: https://example.com/helm-signed\nruntimeConfig:\n  platformCommand:\n    - command: echo\n',
  );
  const dest = path.join(home.root, 'dist');
  const pack = runOurs(
    ['plugin', 'package', src, '--keyring', keys.secret, '--key', 'helm-test', '-d', dest],
    home.env,
  );
  expect(pack.status, pack.stderr).toBe(0);
  const install = runOurs(['plugin', 'install', path.join(dest, 'signed-1.0.0.tgz'), '--keyring', keys.pub], home.env);
  expect(install.status, install.stderr).toBe(0);
  expect(runOurs(['plugin', 'install', path.join(goodPlugins, 'hello-v1')], home.env).status).toBe(0);
  return home;
}

describe('helm plugin list (our behaviour)', () => {
  it('notices an edited plugin.yaml on the next run (the plugin index cache is keyed by file identity)', () => {
    using home = tempHelmHome();
    const plugins = path.join(home.root, 'plugins');
    cpSync(path.join(repoRoot, 'demo/plugins'), plugins, { recursive: true });
    const env = { ...home.env, HELM_PLUGINS: plugins };
    const first = runOurs(['plugin', 'list'], env);
    expect(first.stdout).toMatch(/^hello\s+\t0\.1\.0/m);
    expect(runOurs(['plugin', 'list'], env).stdout).toBe(first.stdout);
    const manifest = path.join(plugins, 'hello/plugin.yaml');
    writeFileSync(manifest, `apiVersion: v1\nname: hello\ntype: cli/v1\nruntime: subprocess\nversion: 0.2.0\n`);
    expect(runOurs(['plugin', 'list'], env).stdout).toMatch(/^hello\s+\t0\.2\.0/m);
  });

  it('answers the same through oclif as through the fast path', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: path.join(repoRoot, 'demo/plugins') };
    const fast = runOurs(['plugin', 'list'], env);
    const viaOclif = runOurs(['plugin', 'list'], { ...env, HELM4_NO_FAST_PATH: '1' });
    expect(viaOclif.status).toBe(0);
    expect(viaOclif.stdout).toBe(fast.stdout);
    expect(viaOclif.stderr).toBe(fast.stderr);
    const fastJson = runOurs(['plugin', 'list', '--json'], env);
    const oclifJson = runOurs(['plugin', 'list', '--json'], { ...env, HELM4_NO_FAST_PATH: '1' });
    expect(JSON.parse(oclifJson.stdout)).toEqual(JSON.parse(fastJson.stdout));
  });

  it('shows help for plugin list', () => {
    using home = tempHelmHome();
    const r = runOurs(['plugin', 'list', '--help'], home.env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--type');
    expect(r.stdout).toContain('quarantined');
  });

  it("-o wide adds SIGNED (short key id) and SOURCE_URL; -o table is Helm's table, byte for byte", () => {
    using home = homeWithSignedPlugin();
    const table = runOurs(['plugin', 'list'], home.env);
    expect(table.status).toBe(0);
    expect(runOurs(['plugin', 'list', '-o', 'table'], home.env).stdout).toBe(table.stdout);
    expect(runReal(['plugin', 'list'], home.env).stdout).toBe(table.stdout);
    const wide = runOurs(['plugin', 'list', '-o', 'wide'], home.env);
    expect(wide.status).toBe(0);
    expect(wide.stderr).toBe('');
    const rows = wide.stdout.split('\n').map((l) => l.split('\t').map((c) => c.trimEnd()));
    expect(rows).toEqual([
      ['NAME', 'VERSION', 'TYPE', 'APIVERSION', 'PROVENANCE', 'SOURCE', 'SIGNED', 'SOURCE_URL'],
      ['hello-v1', '0.1.0', 'cli/v1', 'v1', 'local dev', 'unknown', 'N/A', 'N/A'],
      [
        'signed',
        '1.0.0',
        'cli/v1',
        'v1',
        'signed',
        'https://example.com/helm-signed',
        '1FC18762',
        'https://example.com/helm-signed',
      ],
      [''],
    ]);
    // Helm's first six columns are unchanged, padding included.
    const helmColumns = (text: string) =>
      text
        .split('\n')
        .map((l) => l.split('\t').slice(0, 6).join('\t'))
        .join('\n');
    expect(helmColumns(wide.stdout).replace(/ +$/gm, '')).toBe(table.stdout.replace(/ +$/gm, ''));
  });

  it('--json and -o json carry the key id, fingerprint and signer recorded at install time', () => {
    using home = homeWithSignedPlugin();
    const json = runOurs(['plugin', 'list', '--json'], home.env);
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as { plugins: { name: string; signature?: unknown }[] };
    expect(parsed.plugins.map((p) => [p.name, p.signature])).toEqual([
      ['hello-v1', undefined],
      [
        'signed',
        {
          keyId: '843BBF981FC18762',
          shortKeyId: '1FC18762',
          fingerprint: FINGERPRINT,
          signedBy: [UID],
          hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        },
      ],
    ]);
    for (const args of [['-o', 'json'], ['--output=json'], ['-ojson']]) {
      expect(runOurs(['plugin', 'list', ...args], home.env).stdout, args.join(' ')).toBe(json.stdout);
    }
  });

  it('every output format answers the same through oclif as through the fast path', () => {
    using home = homeWithSignedPlugin();
    for (const args of [
      ['-o', 'wide'],
      ['--output', 'wide'],
      ['-o', 'json'],
      ['-o', 'table'],
      ['--json', '-o', 'wide'],
    ]) {
      const fast = runOurs(['plugin', 'list', ...args], home.env);
      const viaOclif = runOurs(['plugin', 'list', ...args], { ...home.env, HELM4_NO_FAST_PATH: '1' });
      expect(fast.status, args.join(' ')).toBe(0);
      expect(viaOclif.status, args.join(' ')).toBe(0);
      if (args.includes('json') || args.includes('--json')) {
        expect(JSON.parse(viaOclif.stdout), args.join(' ')).toEqual(JSON.parse(fast.stdout));
      } else {
        expect(viaOclif.stdout, args.join(' ')).toBe(fast.stdout);
      }
    }
  });

  it('an unknown -o value is a usage error, exit 1 as for every usage error in Helm', () => {
    using home = tempHelmHome();
    const r = runOurs(['plugin', 'list', '-o', 'yaml'], home.env);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^Error: invalid argument "yaml" for "--output" flag: must be one of: table, wide, json \[CLI_INVALID_FLAG_VALUE\]\n/,
    );
  });
});
