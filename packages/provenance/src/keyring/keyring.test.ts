import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { armor, enums } from 'openpgp';
import { describe, expect, it } from 'vitest';
import { gpg, gpgHome } from '../../test/gpg.js';
import {
  HELM_TEST_FINGERPRINT,
  HELM_TEST_UID,
  PASSWORD_KEY_FINGERPRINT,
  tempDir,
  testdata,
} from '../../test/support.js';
import { defaultKeyringPath, readKeyring } from './keyring.js';

const read = (name: string) => readFileSync(testdata(name));
const fingerprints = (ring: { keys: readonly { fingerprint: string }[] }) => ring.keys.map((k) => k.fingerprint);
const ED25519_FINGERPRINT = '4CBE754C25580C6C878DE711FB856812CE2FCB64';

describe('readKeyring', () => {
  it('reads a binary public keyring from a path', async () => {
    const ring = await readKeyring(testdata('helm-test-key.pub'));
    expect(ring.path).toBe(testdata('helm-test-key.pub'));
    expect(ring.keys).toHaveLength(1);
    const [key] = ring.keys;
    expect(key).toMatchObject({
      fingerprint: HELM_TEST_FINGERPRINT,
      keyId: '843BBF981FC18762',
      userIds: [HELM_TEST_UID],
      secret: false,
      encrypted: false,
    });
  });

  it('reads secret keyrings, telling locked keys from open ones', async () => {
    expect((await readKeyring(read('helm-test-key.secret'))).keys[0]).toMatchObject({ secret: true, encrypted: false });
    expect((await readKeyring(read('helm-password-key.secret'))).keys[0]).toMatchObject({
      fingerprint: PASSWORD_KEY_FINGERPRINT,
      secret: true,
      encrypted: true,
    });
  });

  it('reads an RSA + ed25519 keyring', async () => {
    expect(fingerprints(await readKeyring(read('helm-mixed-keyring.pub')))).toEqual([
      HELM_TEST_FINGERPRINT,
      ED25519_FINGERPRINT,
    ]);
  });

  it('reads concatenated exports, public and secret mixed', async () => {
    const ring = await readKeyring(Buffer.concat([read('helm-mixed-keyring.pub'), read('helm-password-key.secret')]));
    expect(fingerprints(ring)).toEqual([HELM_TEST_FINGERPRINT, ED25519_FINGERPRINT, PASSWORD_KEY_FINGERPRINT]);
    expect(ring.keys.map((k) => k.secret)).toEqual([false, false, true]);
  });

  it('reads ASCII-armored keyrings with several blocks', async () => {
    const text =
      `${armor(enums.armor.publicKey, read('helm-test-key.pub'))}\n` +
      armor(enums.armor.privateKey, read('helm-password-key.secret'));
    const ring = await readKeyring(new TextEncoder().encode(`\n${text}`));
    expect(fingerprints(ring)).toEqual([HELM_TEST_FINGERPRINT, PASSWORD_KEY_FINGERPRINT]);
  });

  it('skips keys it cannot use, like go-crypto skips unsupported entities', async () => {
    const body = [3, 0x50, 0, 0, 0, 0, 0, 1, 0x02, 0x00, ...new Uint8Array(64).fill(0xab), 0x00, 0x11, 1, 0, 1];
    const v3Key = new Uint8Array([0x98, body.length, ...body]);
    const ring = await readKeyring(Buffer.concat([v3Key, read('helm-test-key.pub')]));
    expect(fingerprints(ring)).toEqual([HELM_TEST_FINGERPRINT]);
    expect(ring.skipped).toBe(1);
  });

  it.each([
    ['a missing file', (dir: string) => join(dir, 'nope.gpg')],
    ['a directory', (dir: string) => dir],
    [
      'an empty file',
      (dir: string) => {
        writeFileSync(join(dir, 'empty.gpg'), '');
        return join(dir, 'empty.gpg');
      },
    ],
    [
      'a text file',
      (dir: string) => {
        writeFileSync(join(dir, 'notes.txt'), 'hello, this is not a keyring\n');
        return join(dir, 'notes.txt');
      },
    ],
    [
      'an armored message that is no key',
      (dir: string) => {
        writeFileSync(join(dir, 'm.asc'), '-----BEGIN PGP MESSAGE-----\n\nabc\n-----END PGP MESSAGE-----\n');
        return join(dir, 'm.asc');
      },
    ],
    [
      'a truncated keyring',
      (dir: string) => {
        writeFileSync(join(dir, 'cut.gpg'), read('helm-test-key.pub').subarray(0, 100));
        return join(dir, 'cut.gpg');
      },
    ],
  ])('fails with PROVENANCE_KEYRING_READ_FAILED on %s', async (_, make) => {
    const path = make(tempDir());
    const error = await readKeyring(path).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PROVENANCE_KEYRING_READ_FAILED', details: { path } });
    expect((error as { hint?: string }).hint).toContain('gpg --export');
  });

  describe('with keyrings written by gpg', () => {
    it('reads a GnuPG 1 style pubring.gpg (with trust packets)', async () => {
      const home = gpgHome();
      writeFileSync(join(home, 'pubring.gpg'), '');
      expect(gpg(home, ['--import', testdata('helm-mixed-keyring.pub')]).status).toBe(0);
      const ring = await readKeyring(join(home, 'pubring.gpg'));
      expect(fingerprints(ring)).toEqual([HELM_TEST_FINGERPRINT, ED25519_FINGERPRINT]);
    });

    it('reads a GnuPG 2.1+ keybox (pubring.kbx)', async () => {
      const home = gpgHome();
      expect(gpg(home, ['--import', testdata('helm-mixed-keyring.pub')]).status).toBe(0);
      const ring = await readKeyring(join(home, 'pubring.kbx'));
      expect(fingerprints(ring)).toEqual([HELM_TEST_FINGERPRINT, ED25519_FINGERPRINT]);
    });

    it('reads `gpg --export --armor` output', async () => {
      const home = gpgHome();
      expect(gpg(home, ['--import', testdata('helm-mixed-keyring.pub')]).status).toBe(0);
      const exported = gpg(home, ['--export', '--armor']);
      expect(exported.status).toBe(0);
      expect(fingerprints(await readKeyring(exported.stdout))).toEqual([HELM_TEST_FINGERPRINT, ED25519_FINGERPRINT]);
    });
  });
});

describe('defaultKeyringPath', () => {
  it('uses $GNUPGHOME/pubring.gpg when GNUPGHOME is set', () => {
    expect(defaultKeyringPath({ GNUPGHOME: '/g', HOME: '/home/u' })).toBe(join('/g', 'pubring.gpg'));
  });

  it('keeps an empty GNUPGHOME, like Go os.LookupEnv', () => {
    expect(defaultKeyringPath({ GNUPGHOME: '', HOME: '/home/u' })).toBe('pubring.gpg');
  });

  it('falls back to ~/.gnupg/pubring.gpg', () => {
    expect(defaultKeyringPath({ HOME: '/home/u' })).toBe(join('/home/u', '.gnupg', 'pubring.gpg'));
    expect(defaultKeyringPath({}, '/h')).toBe(join('/h', '.gnupg', 'pubring.gpg'));
  });
});
