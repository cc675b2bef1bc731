import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCleartextMessage, readKeys, verify } from 'openpgp';
import { describe, expect, it } from 'vitest';
import { PLUGDIR_METADATA } from '../../test/fixtures/plugdir-metadata.js';
import { STRESS_METADATA } from '../../test/fixtures/stress-metadata.js';
import { HELM_PROVS, HELM_TEST_FINGERPRINT, testdata } from '../../test/support.js';
import { readKeyring } from '../keyring/keyring.js';
import { decryptSigningKey } from '../keyring/passphrase.js';
import { selectSigningKey } from '../keyring/select-key.js';
import { verifyProvenance } from '../verify/verify-provenance.js';
import { signProvenance } from './sign-provenance.js';

const TARBALL = new TextEncoder().encode('not really a tarball');
const helmTestKey = async () => selectSigningKey(await readKeyring(testdata('helm-test-key.secret')), 'helm-test');
const beforeSignature = (prov: string) => prov.slice(0, prov.indexOf('-----BEGIN PGP SIGNATURE-----'));

describe('signProvenance', () => {
  it('writes everything but the signature packet exactly as Helm v4.1.4 does', async () => {
    for (const [name, metadata] of Object.entries({ ...PLUGDIR_METADATA, ...STRESS_METADATA })) {
      const helm = readFileSync(join(HELM_PROVS, `${name}.prov`), 'utf8');
      const tarball = readFileSync(join(HELM_PROVS, name));
      const ours = await signProvenance({ metadata, files: { [name]: tarball }, key: await helmTestKey() });
      expect(beforeSignature(ours)).toBe(beforeSignature(helm));
      expect(ours.endsWith('\n-----END PGP SIGNATURE-----')).toBe(true);
    }
  });

  it('signs with SHA-512 in a form openpgp.js and our verifier both accept', async () => {
    const metadata = PLUGDIR_METADATA['hello-v1-0.1.0.tgz']!;
    const prov = await signProvenance({ metadata, files: { 'hello-v1-0.1.0.tgz': TARBALL }, key: await helmTestKey() });
    expect(prov).toMatch(/^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nAPIVersion: v1\n/);

    const message = await readCleartextMessage({ cleartextMessage: prov });
    const keys = await readKeys({ binaryKeys: readFileSync(testdata('helm-test-key.pub')) });
    const result = await verify({ message, verificationKeys: keys });
    await expect(result.signatures[0]!.verified).resolves.toBe(true);

    const verification = await verifyProvenance({
      provText: prov,
      tarball: TARBALL,
      filename: 'hello-v1-0.1.0.tgz',
      keyring: testdata('helm-test-key.pub'),
    });
    expect(verification.fingerprint).toBe(HELM_TEST_FINGERPRINT);
  });

  it('signs with the passphrase-protected key once it is unlocked', async () => {
    const keyring = await readKeyring(testdata('helm-password-key.secret'));
    const locked = selectSigningKey(keyring, 'fake');
    const metadata = PLUGDIR_METADATA['echo-v1-1.2.3.tgz']!;
    const files = { 'echo-v1-1.2.3.tgz': TARBALL };
    await expect(signProvenance({ metadata, files, key: locked })).rejects.toMatchObject({
      code: 'PROVENANCE_PASSPHRASE_REQUIRED',
    });
    const prov = await signProvenance({ metadata, files, key: await decryptSigningKey(locked, 'secret') });
    const verification = await verifyProvenance({
      provText: prov,
      tarball: TARBALL,
      filename: 'echo-v1-1.2.3.tgz',
      keyring,
    });
    expect(verification.signedBy).toEqual(['password key (fake) <fake@helm.sh>']);
  });

  it('refuses a public key: PROVENANCE_KEY_NOT_SECRET', async () => {
    const key = selectSigningKey(await readKeyring(testdata('helm-test-key.pub')), 'helm-test');
    await expect(
      signProvenance({ metadata: PLUGDIR_METADATA['echo-v1-1.2.3.tgz']!, files: { 'a.tgz': TARBALL }, key }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_KEY_NOT_SECRET' });
  });
});
