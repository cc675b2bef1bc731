import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveFiles } from '../../../../test-support/servers/http-server.js';
import { testHome } from '../../test/home.js';
import { hookedPlugin, KEYS, registry, tempDir } from '../../test/support.js';
import { installPlugin } from '../install/install-plugin.js';
import { readSourceRecord } from '../install/source-record.js';
import { listPlugins } from '../list/list-plugins.js';
import { packagePlugin } from '../package/package-plugin.js';
import { provenanceStatus } from '../provenance-status/signing-info.js';
import { signPluginTarball } from '../sign/sign-tarball.js';
import { uninstallPlugins } from '../uninstall/uninstall-plugin.js';
import { updatePlugins } from './update-plugin.js';

const signing = { keyring: KEYS.secret, key: 'helm-test' };

async function release(dest: string, version: string, sign = true): Promise<string> {
  const src = hookedPlugin(path.join(tempDir(), `hooked-${version}`), 'hooked', version);
  return (await packagePlugin({ dir: src, destination: dest, sign, signing, registry })).tarball;
}

describe('updatePlugins', () => {
  it('re-installs from the recorded HTTP source, verified, swapping atomically; runs the update hook', async () => {
    const h = testHome();
    const www = tempDir();
    await release(www, '1.0.0');
    await using server = await serveFiles(www);
    // The server's "latest" URL serves whatever was published last, signed under that name.
    const publish = async (version: string) => {
      writeFileSync(path.join(www, 'hooked-latest.tgz'), readFileSync(path.join(www, `hooked-${version}.tgz`)));
      await signPluginTarball({ tarball: path.join(www, 'hooked-latest.tgz'), signing, registry });
    };
    await publish('1.0.0');
    await installPlugin({ ...h.base, source: `${server.url}/hooked-latest.tgz`, keyring: KEYS.pub });
    expect(h.hookText()).toBe('install 1.0.0\n');
    await release(www, '2.0.0');
    await publish('2.0.0');
    h.clear();
    const { updated } = await updatePlugins({ ...h.base, names: ['hooked'], keyring: KEYS.pub });
    expect(updated[0]).toMatchObject({ name: 'hooked', version: '2.0.0', previousVersion: '1.0.0', kind: 'http' });
    expect(h.lines[0]).toBe('Verifying plugin signature...');
    expect(h.lines.at(-1)).toBe('Updated plugin: hooked');
    expect(h.hookText()).toBe('update 2.0.0\n');
    const dir = path.join(h.settings.pluginsDirectory, 'hooked');
    expect(readFileSync(path.join(dir, 'VERSION'), 'utf8')).toBe('2.0.0\n');
    const data = path.join(h.settings.dataHome, 'plugins');
    // Kept as <name>-<version>.tgz; Helm's list then finds no `files` entry of that name: as with Helm.
    expect(existsSync(path.join(data, 'hooked-2.0.0.tgz.prov'))).toBe(true);
    expect(await provenanceStatus(data, 'hooked', '2.0.0')).toBe('mismatched provenance');
    expect(existsSync(path.join(data, 'hooked-1.0.0.tgz'))).toBe(false);
    // Who signed what the update installed is recorded again, and listed (the kept archive is the verified one).
    const { plugins } = await listPlugins({
      settings: h.settings,
      registry,
      registryFingerprint: 't',
      cacheFile: false,
    });
    expect(plugins[0]?.signature).toMatchObject({ shortKeyId: '1FC18762', hash: updated[0]?.verification?.hash });
    const record = await readSourceRecord(path.join(h.settings.pluginsDirectory, '.helm4', 'sources'), 'hooked');
    expect(record?.signature).toMatchObject({ version: '2.0.0', filename: 'hooked-latest.tgz' });
  });

  it('a failed verification on update leaves the installed plugin as it was, and runs no hook', async () => {
    const h = testHome();
    const dest = tempDir();
    const v1 = await release(dest, '1.0.0');
    await installPlugin({ ...h.base, source: v1, keyring: KEYS.pub });
    // Replace the recorded tarball by an unsigned one of another version.
    const unsigned = await release(tempDir(), '2.0.0', false);
    writeFileSync(v1, readFileSync(unsigned));
    h.clear();
    await expect(updatePlugins({ ...h.base, names: ['hooked'], keyring: KEYS.pub })).rejects.toMatchObject({
      code: 'DIST_VERIFICATION_FAILED',
      details: { reason: 'PROVENANCE_HASH_MISMATCH' },
    });
    expect(readFileSync(path.join(h.settings.pluginsDirectory, 'hooked', 'VERSION'), 'utf8')).toBe('1.0.0\n');
    expect(h.hookText()).toBe('');
  });

  it('a plugin installed with --verify=false is updated the same way (with the warning)', async () => {
    const h = testHome();
    const dest = tempDir();
    const v1 = await release(dest, '1.0.0', false);
    await installPlugin({ ...h.base, source: v1, verify: false });
    writeFileSync(v1, readFileSync(await release(tempDir(), '1.1.0', false)));
    h.clear();
    await updatePlugins({ ...h.base, names: ['hooked'] });
    expect(h.lines).toEqual(['WARNING: Skipping plugin signature verification', 'Updated plugin: hooked']);
    expect(readFileSync(path.join(h.settings.pluginsDirectory, 'hooked', 'VERSION'), 'utf8')).toBe('1.1.0\n');
  });

  it('a local-dev link is left as it is (it is always current); the update hook runs', async () => {
    const h = testHome();
    const src = hookedPlugin(path.join(tempDir(), 'src'), 'hooked', '1.0.0');
    await installPlugin({ ...h.base, source: src });
    h.clear();
    await updatePlugins({ ...h.base, names: ['hooked'] });
    expect(h.lines).toEqual(['Updated plugin: hooked']);
    expect(h.hookText()).toBe('update 1.0.0\n');
  });

  it('unknown names and plugins without a known source fail with codes; the others are still updated', async () => {
    const h = testHome();
    const src = hookedPlugin(path.join(tempDir(), 'src'), 'hooked', '1.0.0');
    await installPlugin({ ...h.base, source: src });
    hookedPlugin(path.join(h.settings.pluginsDirectory, 'manual'), 'manual', '1.0.0');
    h.clear();
    await expect(updatePlugins({ ...h.base, names: ['nope'] })).rejects.toMatchObject({
      code: 'DIST_PLUGIN_NOT_FOUND',
    });
    await expect(updatePlugins({ ...h.base, names: ['manual'] })).rejects.toMatchObject({
      code: 'DIST_SOURCE_UNKNOWN',
    });
    await expect(updatePlugins({ ...h.base, names: ['nope', 'hooked', 'manual'] })).rejects.toMatchObject({
      code: 'DIST_PLUGIN_NOT_FOUND',
      details: { errors: [{ plugin: 'nope' }, { plugin: 'manual', code: 'DIST_SOURCE_UNKNOWN' }] },
    });
    expect(h.lines).toEqual(['Updated plugin: hooked']);
  });
});

describe('uninstallPlugins', () => {
  it('removes the plugin, its kept tarball and record, then runs the delete hook', async () => {
    const h = testHome();
    const v1 = await release(tempDir(), '1.0.0');
    await installPlugin({ ...h.base, source: v1, keyring: KEYS.pub });
    h.clear();
    const result = await uninstallPlugins({ ...h.base, names: ['hooked'] });
    expect(result.uninstalled).toEqual([{ name: 'hooked', dir: path.join(h.settings.pluginsDirectory, 'hooked') }]);
    expect(h.lines).toEqual(['Uninstalled plugin: hooked']);
    expect(h.hookText()).toBe('delete 1.0.0\n');
    expect(existsSync(path.join(h.settings.pluginsDirectory, 'hooked'))).toBe(false);
    expect(existsSync(path.join(h.settings.dataHome, 'plugins', 'hooked-1.0.0.tgz'))).toBe(false);
    expect(existsSync(path.join(h.settings.pluginsDirectory, '.helm4', 'sources', 'hooked.json'))).toBe(false);
  });

  it('a local-dev install loses only its link', async () => {
    const h = testHome();
    const src = hookedPlugin(path.join(tempDir(), 'src'), 'hooked', '1.0.0');
    await installPlugin({ ...h.base, source: src });
    await uninstallPlugins({ ...h.base, names: ['hooked'] });
    expect(existsSync(path.join(h.settings.pluginsDirectory, 'hooked'))).toBe(false);
    expect(existsSync(path.join(src, 'plugin.yaml'))).toBe(true);
  });

  it('an invalid plugin can be removed by the name it claims; unknown names are DIST_PLUGIN_NOT_FOUND', async () => {
    const h = testHome();
    const dir = hookedPlugin(path.join(h.settings.pluginsDirectory, 'broken'), 'broken', '1.0.0');
    writeFileSync(path.join(dir, 'plugin.yaml'), 'apiVersion: v1\nname: broken\nversion: 1.0.0\nbogus: 1\n');
    await uninstallPlugins({ ...h.base, names: ['broken'] });
    expect(existsSync(dir)).toBe(false);
    await expect(uninstallPlugins({ ...h.base, names: ['broken'] })).rejects.toMatchObject({
      code: 'DIST_PLUGIN_NOT_FOUND',
    });
  });
});
