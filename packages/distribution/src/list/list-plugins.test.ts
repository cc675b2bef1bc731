import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testHome } from '../../test/home.js';
import { HELM_TEST_FINGERPRINT, HELM_TEST_UID, KEYS, PLUGDIR_GOOD, registry, tempDir } from '../../test/support.js';
import { installPlugin } from '../install/install-plugin.js';
import { keyIdsOf, readSourceRecord } from '../install/source-record.js';
import { packagePlugin } from '../package/package-plugin.js';
import { listPlugins } from './list-plugins.js';

async function signedTarball(plugin = 'hello-v1'): Promise<string> {
  const { tarball } = await packagePlugin({
    dir: path.join(PLUGDIR_GOOD, plugin),
    destination: tempDir(),
    signing: { keyring: KEYS.secret, key: 'helm-test' },
    registry,
  });
  return tarball;
}

function list(settings: ReturnType<typeof testHome>['settings']) {
  return listPlugins({ settings, registry, registryFingerprint: 'test', cacheFile: false });
}

const SIGNATURE = {
  keyId: '843BBF981FC18762',
  shortKeyId: '1FC18762',
  fingerprint: HELM_TEST_FINGERPRINT,
  signedBy: [HELM_TEST_UID],
  hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
};

describe('keyIdsOf', () => {
  it('takes the long id from the end of a v4 fingerprint and the start of a v6 one; the short id is its tail', () => {
    expect(keyIdsOf(HELM_TEST_FINGERPRINT)).toEqual({ keyId: '843BBF981FC18762', shortKeyId: '1FC18762' });
    const v6 = 'CB186C4F0609A697E4D52DFA6C722B0C1F1E27C18A56708F6525EC27BAD9ACC9';
    expect(keyIdsOf(v6.toLowerCase())).toEqual({ keyId: 'CB186C4F0609A697', shortKeyId: '0609A697' });
  });
});

describe('listPlugins: who signed a plugin, recorded at install time', () => {
  it('a verified install records the key and list reports it (no keyring needed)', async () => {
    const h = testHome();
    const tarball = await signedTarball();
    const installed = await installPlugin({ ...h.base, source: tarball, keyring: KEYS.pub });
    const record = await readSourceRecord(path.join(h.settings.pluginsDirectory, '.helm4', 'sources'), 'hello-v1');
    expect(record?.signature).toEqual({
      version: '0.1.0',
      fingerprint: HELM_TEST_FINGERPRINT,
      keyId: '843BBF981FC18762',
      signedBy: [HELM_TEST_UID],
      hash: installed.verification?.hash,
      filename: 'hello-v1-0.1.0.tgz',
    });
    expect(record?.dir).toBe(path.join(h.settings.pluginsDirectory, 'hello-v1'));
    const { plugins } = await list(h.settings);
    expect(plugins).toEqual([
      expect.objectContaining({ name: 'hello-v1', provenance: 'signed', signature: SIGNATURE }),
    ]);
    expect(plugins[0]?.signature?.hash).toBe(installed.verification?.hash);
  });

  it('nothing is reported for a plugin installed unverified or from a directory', async () => {
    const h = testHome();
    await installPlugin({ ...h.base, source: await signedTarball('echo-v1'), allowInsecure: true });
    await installPlugin({ ...h.base, source: path.join(PLUGDIR_GOOD, 'hello-v1') });
    const { plugins } = await list(h.settings);
    expect(plugins.map((p) => [p.name, p.provenance, p.signature])).toEqual([
      ['echo-v1', 'signed', undefined],
      ['hello-v1', 'local dev', undefined],
    ]);
    const record = await readSourceRecord(path.join(h.settings.pluginsDirectory, '.helm4', 'sources'), 'echo-v1');
    expect(record).toMatchObject({ verified: false });
    expect(record?.signature).toBeUndefined();
  });

  it('a record that no longer describes the installed plugin is ignored (kept archive replaced, other version)', async () => {
    const h = testHome();
    await installPlugin({ ...h.base, source: await signedTarball(), keyring: KEYS.pub });
    const sources = path.join(h.settings.pluginsDirectory, '.helm4', 'sources');
    // Another tool reinstalled the plugin from another archive of the same version.
    const kept = path.join(h.settings.dataHome, 'plugins', 'hello-v1-0.1.0.tgz');
    writeFileSync(kept, 'another archive');
    expect((await list(h.settings)).plugins[0]).toMatchObject({ provenance: 'mismatched provenance' });
    expect((await list(h.settings)).plugins[0]?.signature).toBeUndefined();
    // A record of another version.
    const h2 = testHome();
    await installPlugin({ ...h2.base, source: await signedTarball(), keyring: KEYS.pub });
    const sources2 = path.join(h2.settings.pluginsDirectory, '.helm4', 'sources');
    const record = await readSourceRecord(sources2, 'hello-v1');
    writeFileSync(
      path.join(sources2, 'hello-v1.json'),
      JSON.stringify({ ...record, signature: { ...record?.signature, version: '0.0.9' } }),
    );
    expect((await list(h2.settings)).plugins[0]?.signature).toBeUndefined();
    expect(sources).not.toBe(sources2);
  });

  it('plugins outside $HELM_DATA_HOME/plugins (HELM_PLUGINS elsewhere) are reported from the record alone', async () => {
    const h = testHome();
    const settings = { ...h.settings, pluginsDirectory: path.join(h.root, 'elsewhere') };
    await installPlugin({ ...h.base, settings, source: await signedTarball(), keyring: KEYS.pub });
    const { plugins } = await list(settings);
    expect(plugins).toEqual([expect.objectContaining({ provenance: 'unknown', signature: SIGNATURE })]);
  });
});
