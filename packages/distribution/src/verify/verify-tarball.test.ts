import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELM_TEST_FINGERPRINT, HELM_TEST_UID, KEYS, PLUGDIR_GOOD, registry, tempDir } from '../../test/support.js';
import { packagePlugin } from '../package/package-plugin.js';
import { verifyPluginTarball } from './verify-tarball.js';

async function signedEcho(): Promise<string> {
  const dest = tempDir();
  const { tarball } = await packagePlugin({
    dir: path.join(PLUGDIR_GOOD, 'echo-v1'),
    destination: dest,
    signing: { keyring: KEYS.secret, key: 'helm-test' },
    registry,
  });
  return tarball;
}

describe('verifyPluginTarball', () => {
  it('reports signer, fingerprint and hash (mixed keyring with an ed25519 key too)', async () => {
    const tarball = await signedEcho();
    const report = await verifyPluginTarball({ tarball, keyring: KEYS.mixedPub });
    expect(report).toMatchObject({
      signedBy: [HELM_TEST_UID],
      fingerprint: HELM_TEST_FINGERPRINT,
      filename: 'echo-v1-1.2.3.tgz',
    });
  });

  it('uses $GNUPGHOME/pubring.gpg by default', async () => {
    const tarball = await signedEcho();
    const gnupg = tempDir();
    copyFileSync(KEYS.pub, path.join(gnupg, 'pubring.gpg'));
    const report = await verifyPluginTarball({ tarball, env: { GNUPGHOME: gnupg } });
    expect(report.fingerprint).toBe(HELM_TEST_FINGERPRINT);
  });

  it('fails with a coded error for each way it can go wrong', async () => {
    const tarball = await signedEcho();
    const dir = tempDir();
    mkdirSync(path.join(dir, 'plugin.tgz'));
    writeFileSync(path.join(dir, 'plugin.zip'), '');
    const unsigned = path.join(dir, 'echo-v1-1.2.3.tgz');
    copyFileSync(tarball, unsigned);
    const renamed = path.join(dir, 'other-1.0.0.tgz');
    copyFileSync(tarball, renamed);
    copyFileSync(`${tarball}.prov`, `${renamed}.prov`);
    const verify = (t: string, keyring = KEYS.pub) => verifyPluginTarball({ tarball: t, keyring });
    await expect(verify(path.join(dir, 'plugin.tgz'))).rejects.toMatchObject({ code: 'DIST_NOT_A_TARBALL' });
    await expect(verify(path.join(dir, 'plugin.zip'))).rejects.toMatchObject({ code: 'DIST_NOT_A_TARBALL' });
    await expect(verify(path.join(dir, 'none.tgz'))).rejects.toMatchObject({ code: 'DIST_SOURCE_NOT_FOUND' });
    await expect(verify(unsigned)).rejects.toMatchObject({ code: 'DIST_PROV_NOT_FOUND' });
    await expect(verify(renamed)).rejects.toMatchObject({ code: 'PROVENANCE_FILE_NOT_LISTED' });
    await expect(verify(tarball, KEYS.passwordSecret)).rejects.toMatchObject({ code: 'PROVENANCE_SIGNATURE_INVALID' });
    appendFileSync(tarball, 'tampered');
    await expect(verify(tarball)).rejects.toMatchObject({ code: 'PROVENANCE_HASH_MISMATCH' });
  });
});
