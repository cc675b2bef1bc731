import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveFiles } from '../../../test-support/servers/http-server.js';
import { hookedPlugin } from '../../../test-support/servers/plugin-fixtures.js';
import { goodPlugins, keys, ours, spawnAsync } from './distribution-support.js';
import { ourHelm, tempHelmHome } from './support.js';

/** Packages plugin `hooked` at `version` (unsigned unless asked) into `dest`. */
async function hookedTarball(root: string, dest: string, version: string, sign = false): Promise<string> {
  const src = hookedPlugin(path.join(root, `src-${version}`), 'hooked', version);
  const signArgs = sign ? ['--keyring', keys.secret, '--key', 'helm-test'] : ['--sign=false'];
  const r = await ours(['plugin', 'package', src, ...signArgs, '-d', dest], {});
  expect(r.status, r.stderr).toBe(0);
  return path.join(dest, `hooked-${version}.tgz`);
}

const pluginsDir = (home: { env: Record<string, string> }) => path.join(home.env['HELM_DATA_HOME'] ?? '', 'plugins');
const installedVersion = (home: { env: Record<string, string> }) =>
  readFileSync(path.join(pluginsDir(home), 'hooked', 'VERSION'), 'utf8').trim();

describe('helm plugin install / update / uninstall (CLI)', () => {
  it('a missing .prov fails in one line with a code and the hint to skip; --verify=false installs with the warning', async () => {
    using home = tempHelmHome();
    const tgz = await hookedTarball(home.root, path.join(home.root, 'pkg'), '1.0.0');
    const fail = await ours(['plugin', 'install', tgz, '--keyring', keys.pub], home.env);
    expect(fail.status).toBe(1);
    expect(fail.stdout).toBe('Verifying plugin signature...\n');
    expect(fail.stderr).toBe(
      'Error: plugin verification failed: no provenance file (.prov) found [DIST_PROV_NOT_FOUND]\n' +
        '  hint: the publisher did not sign it; use --verify=false (or --allow-insecure-plugins) to skip signature verification (not recommended)\n',
    );
    expect(existsSync(path.join(pluginsDir(home), 'hooked'))).toBe(false);
    const ok = await ours(['plugin', 'install', tgz, '--verify=false'], home.env);
    expect(ok.stdout).toBe(
      'WARNING: Skipping plugin signature verification\ninstall 1.0.0\nInstalled plugin: hooked\n',
    );
  });

  it('--allow-insecure-plugins names what it skipped; aliases add, up, rm and remove work', async () => {
    using home = tempHelmHome();
    const tgz = await hookedTarball(home.root, path.join(home.root, 'pkg'), '1.0.0');
    const add = await ours(['plugin', 'add', tgz, '--allow-insecure-plugins'], home.env);
    expect(add.stdout.split('\n')[0]).toBe(
      `WARNING: Skipping plugin signature verification (--allow-insecure-plugins): the provenance of ${tgz} is not checked`,
    );
    writeFileSync(tgz, readFileSync(await hookedTarball(home.root, path.join(home.root, 'pkg2'), '1.1.0')));
    const up = await ours(['plugin', 'up', 'hooked'], home.env);
    expect(up.stdout).toBe('WARNING: Skipping plugin signature verification\nupdate 1.1.0\nUpdated plugin: hooked\n');
    expect(installedVersion(home)).toBe('1.1.0');
    const rm = await ours(['plugin', 'rm', 'hooked'], home.env);
    expect(rm.stdout).toBe('delete 1.1.0\nUninstalled plugin: hooked\n');
    await ours(['plugin', 'install', path.join(goodPlugins, 'echo-v1')], home.env);
    const remove = await ours(['plugin', 'remove', 'echo-v1', 'nope'], home.env);
    expect(remove.status).toBe(1);
    expect(remove.stdout).toBe('Uninstalled plugin: echo-v1\n');
    expect(remove.stderr).toMatch(/^Error: plugin: nope not found \[DIST_PLUGIN_NOT_FOUND\]\n/);
  });

  it('two helm processes installing one plugin are serialised by the lock: one installs, one is refused', async () => {
    using home = tempHelmHome();
    const tgz = await hookedTarball(home.root, path.join(home.root, 'pkg'), '1.0.0');
    const [a, b] = await Promise.all([
      ours(['plugin', 'install', tgz, '--verify=false'], home.env),
      ours(['plugin', 'install', tgz, '--verify=false'], home.env),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([0, 1]);
    expect(`${a?.stderr}${b?.stderr}`).toContain('[DIST_ALREADY_INSTALLED]');
    expect(readdirSync(path.join(pluginsDir(home), 'hooked')).sort()).toEqual(['VERSION', 'plugin.yaml']);
  });

  it('an update killed between moving the old plugin aside and renaming the new one in: the old one comes back', async () => {
    using home = tempHelmHome();
    const tgz = await hookedTarball(home.root, path.join(home.root, 'pkg'), '1.0.0');
    await ours(['plugin', 'install', tgz, '--verify=false'], home.env);
    writeFileSync(tgz, readFileSync(await hookedTarball(home.root, path.join(home.root, 'pkg2'), '2.0.0')));
    const killed = await ours(
      ['plugin', 'update', 'hooked'],
      { ...home.env, HELM4_FAULT_PAUSE: 'after-backup' },
      {
        onStderr: (text, kill) => {
          if (text.includes('helm4-fault: paused at after-backup')) kill();
        },
      },
    );
    expect(killed.status).toBeNull();
    // Neither half: the target is absent, the old plugin whole in staging.
    expect(existsSync(path.join(pluginsDir(home), 'hooked'))).toBe(false);
    const list = await ours(['plugin', 'list'], home.env);
    expect(list.stdout).toMatch(/\nhooked\s+1\.0\.0\s/);
    expect(installedVersion(home)).toBe('1.0.0');
    expect(readdirSync(path.join(pluginsDir(home), '.helm4', 'staging'))).toEqual([]);
    // Its lock was left by a dead process: the next update takes it over and succeeds.
    const update = await ours(['plugin', 'update', 'hooked'], home.env);
    expect(update.status, update.stderr).toBe(0);
    expect(installedVersion(home)).toBe('2.0.0');
  });

  it('an install killed just before its rename leaves no plugin, and the next install succeeds', async () => {
    using home = tempHelmHome();
    const tgz = await hookedTarball(home.root, path.join(home.root, 'pkg'), '1.0.0');
    const killed = await ours(
      ['plugin', 'install', tgz, '--verify=false'],
      { ...home.env, HELM4_FAULT_PAUSE: 'before-commit' },
      {
        onStderr: (text, kill) => {
          if (text.includes('helm4-fault: paused at before-commit')) kill();
        },
      },
    );
    expect(killed.status).toBeNull();
    expect(existsSync(path.join(pluginsDir(home), 'hooked'))).toBe(false);
    const again = await ours(['plugin', 'install', tgz, '--verify=false'], home.env);
    expect(again.status, again.stderr).toBe(0);
    expect(installedVersion(home)).toBe('1.0.0');
    expect(readdirSync(path.join(pluginsDir(home), '.helm4', 'staging'))).toEqual([]);
  });

  it('downloads show a progress bar on a terminal and nothing otherwise', async () => {
    using home = tempHelmHome();
    const tgz = await hookedTarball(home.root, path.join(home.root, 'pkg'), '1.0.0', true);
    await using server = await serveFiles(path.dirname(tgz));
    const url = `${server.url}/hooked-1.0.0.tgz`;
    const plain = await ours(['plugin', 'install', url, '--keyring', keys.pub], home.env);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stderr).toBe('');
    using home2 = tempHelmHome();
    // `script` gives helm a pseudo-terminal; its output is the terminal's.
    const command = [process.execPath, ourHelm, 'plugin', 'install', url, '--keyring', keys.pub]
      .map((a) => `'${a}'`)
      .join(' ');
    const tty = await spawnAsync('script', ['-qec', command, '/dev/null'], home2.env);
    expect(tty.status, tty.stdout).toBe(0);
    expect(tty.stdout).toMatch(/\rhooked-1\.0\.0\.tgz \[=+\] \d+ B \/ \d+ B {2}[\d.]+ [KMG]?i?B\/s/);
    expect(tty.stdout).toContain('Installed plugin: hooked');
  });
});
