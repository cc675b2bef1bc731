import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitDaemon, pluginRepo } from '../../../../test-support/servers/git-server.js';
import { testHome } from '../../test/home.js';
import { tempDir } from '../../test/support.js';
import { updatePlugins } from '../update/update-plugin.js';
import { installPlugin } from './install-plugin.js';
import { readSourceRecord } from './source-record.js';

const version = (h: ReturnType<typeof testHome>) =>
  readFileSync(path.join(h.settings.pluginsDirectory, 'gitplug', 'VERSION'), 'utf8').trim();

describe('install and update from git', () => {
  it('git daemon: needs --verify=false; --version as a semver constraint over tags; update follows new tags', async () => {
    const root = tempDir();
    const repo = pluginRepo(root, 'gitplug', ['1.0.0', '1.1.0', '2.0.0']);
    await using daemon = await gitDaemon(root);
    const h = testHome();
    const source = `${daemon.url}/gitplug.git`;
    await expect(installPlugin({ ...h.base, source })).rejects.toMatchObject({ code: 'DIST_VERIFY_UNSUPPORTED' });
    const result = await installPlugin({ ...h.base, source, verify: false, version: '^1.0.0' });
    expect(result).toMatchObject({ kind: 'git', name: 'gitplug', version: '1.1.0', resolved: { ref: 'v1.1.0' } });
    expect(version(h)).toBe('1.1.0');
    expect(existsSync(path.join(h.settings.pluginsDirectory, 'gitplug', '.git'))).toBe(true);
    expect(h.lines).toEqual(['WARNING: Skipping plugin signature verification', 'Installed plugin: gitplug']);
    const record = await readSourceRecord(path.join(h.settings.pluginsDirectory, '.helm4', 'sources'), 'gitplug');
    expect(record).toMatchObject({ kind: 'git', source, version: '^1.0.0', verified: false });

    repo.publish('1.2.0');
    h.clear();
    await updatePlugins({ ...h.base, names: ['gitplug'] });
    expect(version(h)).toBe('1.2.0');
    expect(h.hookText()).toBe('update 1.2.0\n');

    await updatePlugins({ ...h.base, names: ['gitplug'], version: '2.0.0' });
    expect(version(h)).toBe('2.0.0');
  });

  it('file:// URL, a branch as --version, the default branch without it, and an unknown version', async () => {
    const root = tempDir();
    const repo = pluginRepo(root, 'gitplug', ['1.0.0']);
    repo.branch('feature', '1.5.0');
    const source = `file://${repo.bare}`;
    const h = testHome();
    await installPlugin({ ...h.base, source, verify: false, version: 'feature' });
    expect(version(h)).toBe('1.5.0');
    const h2 = testHome();
    await installPlugin({ ...h2.base, source, allowInsecure: true });
    expect(version(h2)).toBe('1.0.0');
    const h3 = testHome();
    await expect(installPlugin({ ...h3.base, source, verify: false, version: '>=9' })).rejects.toMatchObject({
      code: 'DIST_GIT_VERSION_NOT_FOUND',
    });
    await expect(
      installPlugin({ ...h3.base, source: `file://${root}/missing.git`, verify: false }),
    ).rejects.toMatchObject({ code: 'DIST_GIT_FAILED' });
    expect(existsSync(path.join(h3.settings.pluginsDirectory, 'gitplug'))).toBe(false);
  });
});
