import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessage, enums, type PrivateKey, sign } from 'openpgp';
import { describe, expect, it } from 'vitest';
import { PLUGDIR_METADATA } from '../../test/fixtures/plugdir-metadata.js';
import { STRESS_METADATA } from '../../test/fixtures/stress-metadata.js';
import { HELM_PROVS, HELM_TEST_FINGERPRINT, HELM_TEST_UID, TESTCHARTS, tempDir, testdata } from '../../test/support.js';
import { readKeyring } from '../keyring/keyring.js';
import { decryptSigningKey } from '../keyring/passphrase.js';
import { selectSigningKey } from '../keyring/select-key.js';
import { armorSignature, encodeClearsigned } from '../message/clearsign.js';
import { provenanceMessage, signProvenance } from '../sign/sign-provenance.js';
import { verifyProvenance } from './verify-provenance.js';

const HASHTEST_SUM = 'sha256:c6841b3a895f1444a6738b5d04564a57e860ce42f8519c3be807fb6d9bee7888';
const signtest = join(TESTCHARTS, 'signtest-0.1.0.tgz');
const hashtest = testdata('hashtest-1.2.3.tgz');
const text = (path: string) => readFileSync(path, 'utf8');

describe('verifyProvenance with Helm fixtures', () => {
  it('verifies signtest-0.1.0.tgz.prov with helm-test-key.pub, hashing the tarball from its path', async () => {
    const result = await verifyProvenance({
      provText: text(`${signtest}.prov`),
      tarball: signtest,
      keyring: testdata('helm-test-key.pub'),
    });
    expect(result).toEqual({
      signedBy: [HELM_TEST_UID],
      fingerprint: HELM_TEST_FINGERPRINT,
      hash: 'sha256:e5ef611620fb97704d8751c16bab17fedb68883bfb0edc76f78a70e9173f9b55',
      filename: 'signtest-0.1.0.tgz',
    });
  });

  it('verifies hashtest-1.2.3.tgz.prov (signed by helm-test) and agrees with hashtest.sha256', async () => {
    const result = await verifyProvenance({
      provText: readFileSync(`${hashtest}.prov`),
      tarball: readFileSync(hashtest),
      filename: 'hashtest-1.2.3.tgz',
      keyring: testdata('helm-test-key.pub'),
    });
    expect(result.hash).toBe(HASHTEST_SUM);
    expect(text(testdata('hashtest.sha256')).split(' ')[0]).toBe(HASHTEST_SUM.slice('sha256:'.length));
    expect(result.fingerprint).toBe(HELM_TEST_FINGERPRINT);
  });

  it('verifies the gpg-made msgblock.yaml.asc and rejects msgblock.yaml.tampered', async () => {
    const ok = await verifyProvenance({
      provText: text(testdata('msgblock.yaml.asc')),
      tarball: hashtest,
      keyring: testdata('helm-test-key.pub'),
    });
    expect(ok.hash).toBe(HASHTEST_SUM);
    await expect(
      verifyProvenance({
        provText: text(testdata('msgblock.yaml.tampered')),
        tarball: hashtest,
        keyring: testdata('helm-test-key.pub'),
      }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_SIGNATURE_INVALID' });
  });

  it('uses the mixed RSA + ed25519 keyring as a verification keyring', async () => {
    const keyring = await readKeyring(testdata('helm-mixed-keyring.pub'));
    for (const tarball of [signtest, hashtest]) {
      const result = await verifyProvenance({ provText: text(`${tarball}.prov`), tarball, keyring });
      expect(result.fingerprint).toBe(HELM_TEST_FINGERPRINT);
    }
  });

  it('accepts a secret keyring for verification too', async () => {
    const result = await verifyProvenance({
      provText: text(`${signtest}.prov`),
      tarball: signtest,
      keyring: testdata('helm-test-key.secret'),
    });
    expect(result.fingerprint).toBe(HELM_TEST_FINGERPRINT);
  });

  it.each(Object.keys({ ...PLUGDIR_METADATA, ...STRESS_METADATA }))(
    'verifies the plugin .prov real Helm wrote for %s',
    async (name) => {
      const result = await verifyProvenance({
        provText: text(join(HELM_PROVS, `${name}.prov`)),
        tarball: join(HELM_PROVS, name),
        keyring: testdata('helm-test-key.pub'),
      });
      expect(result.signedBy).toEqual([HELM_TEST_UID]);
    },
  );
});

describe('verifyProvenance with several signatures', () => {
  it('lets the first signature made by a keyring key decide, skipping unknown signers (go-crypto)', async () => {
    const tarball = new TextEncoder().encode('tgz');
    const message = provenanceMessage(PLUGDIR_METADATA['echo-v1-1.2.3.tgz']!, { 'echo-v1-1.2.3.tgz': tarball });
    const helmKey = selectSigningKey(await readKeyring(testdata('helm-test-key.secret')), 'helm-test');
    const passwordKey = await decryptSigningKey(
      selectSigningKey(await readKeyring(testdata('helm-password-key.secret')), 'fake'),
      'secret',
    );
    const packets = await sign({
      message: await createMessage({ text: message }),
      signingKeys: [passwordKey.key as PrivateKey, helmKey.key as PrivateKey],
      detached: true,
      format: 'binary',
      config: { preferredHashAlgorithm: enums.hash.sha512 },
    });
    const prov = encodeClearsigned(message, 'SHA512', armorSignature(packets));
    const result = await verifyProvenance({
      provText: prov,
      tarball,
      filename: 'echo-v1-1.2.3.tgz',
      keyring: testdata('helm-test-key.pub'),
    });
    expect(result.fingerprint).toBe(HELM_TEST_FINGERPRINT);
  });
});

describe('verifyProvenance failures', () => {
  it('rejects a well-signed text that is no message block: PROVENANCE_MESSAGE_BLOCK_INVALID', async () => {
    const helmKey = selectSigningKey(await readKeyring(testdata('helm-test-key.secret')), 'helm-test');
    const text = 'files:\n  a.tgz: sha256:00\n';
    const packets = await sign({
      message: await createMessage({ text }),
      signingKeys: helmKey.key as PrivateKey,
      detached: true,
      format: 'binary',
    });
    await expect(
      verifyProvenance({
        provText: encodeClearsigned(text, 'SHA256', armorSignature(packets)),
        tarball: new Uint8Array(),
        filename: 'a.tgz',
        keyring: testdata('helm-test-key.pub'),
      }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_MESSAGE_BLOCK_INVALID' });
  });

  it('rejects a signature by a key not in the keyring: PROVENANCE_SIGNATURE_INVALID', async () => {
    await expect(
      verifyProvenance({
        provText: text(`${signtest}.prov`),
        tarball: signtest,
        keyring: testdata('helm-password-key.secret'),
      }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_SIGNATURE_INVALID', details: { issuers: ['843BBF981FC18762'] } });
  });

  it('rejects a text that is not clearsigned: PROVENANCE_NO_SIGNATURE_BLOCK', async () => {
    await expect(
      verifyProvenance({
        provText: text(testdata('msgblock.yaml')),
        tarball: hashtest,
        keyring: testdata('helm-test-key.pub'),
      }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_NO_SIGNATURE_BLOCK' });
  });

  it('rejects damaged signature armor: PROVENANCE_NO_SIGNATURE_BLOCK', async () => {
    const broken = text(`${signtest}.prov`).replace(/\n\n[A-Za-z0-9+/]{20}/, '\n\n!!!!!!!!!!!!!!!!!!!!');
    await expect(
      verifyProvenance({ provText: broken, tarball: signtest, keyring: testdata('helm-test-key.pub') }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^PROVENANCE_(NO_SIGNATURE_BLOCK|SIGNATURE_INVALID)$/) });
  });

  it('rejects a file the .prov does not list: PROVENANCE_FILE_NOT_LISTED', async () => {
    await expect(
      verifyProvenance({
        provText: text(`${signtest}.prov`),
        tarball: readFileSync(signtest),
        filename: 'signtest-0.2.0.tgz',
        keyring: testdata('helm-test-key.pub'),
      }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_FILE_NOT_LISTED', details: { listed: ['signtest-0.1.0.tgz'] } });
  });

  it('rejects other bytes under the listed name: PROVENANCE_HASH_MISMATCH', async () => {
    await expect(
      verifyProvenance({
        provText: text(`${signtest}.prov`),
        tarball: readFileSync(hashtest),
        filename: 'signtest-0.1.0.tgz',
        keyring: testdata('helm-test-key.pub'),
      }),
    ).rejects.toMatchObject({
      code: 'PROVENANCE_HASH_MISMATCH',
      details: {
        expected: 'sha256:e5ef611620fb97704d8751c16bab17fedb68883bfb0edc76f78a70e9173f9b55',
        actual: HASHTEST_SUM,
      },
    });
  });

  it('rejects a .prov whose text was edited after signing, even in the metadata half', async () => {
    const key = selectSigningKey(await readKeyring(testdata('helm-test-key.secret')), 'helm-test');
    const tarball = new TextEncoder().encode('tgz');
    const prov = await signProvenance({
      metadata: PLUGDIR_METADATA['echo-v1-1.2.3.tgz']!,
      files: { 'echo-v1-1.2.3.tgz': tarball },
      key,
    });
    const edited = prov.replace('ShortHelp: echo something', 'ShortHelp: echo anything');
    expect(edited).not.toBe(prov);
    await expect(
      verifyProvenance({
        provText: edited,
        tarball,
        filename: 'echo-v1-1.2.3.tgz',
        keyring: testdata('helm-test-key.pub'),
      }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_SIGNATURE_INVALID' });
  });

  it('fails with PROVENANCE_TARBALL_READ_FAILED on a missing tarball', async () => {
    await expect(
      verifyProvenance({
        provText: text(`${signtest}.prov`),
        tarball: join(tempDir(), 'signtest-0.1.0.tgz'),
        keyring: testdata('helm-test-key.pub'),
      }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_TARBALL_READ_FAILED' });
  });

  it('fails with PROVENANCE_KEYRING_READ_FAILED on a missing keyring', async () => {
    await expect(
      verifyProvenance({ provText: text(`${signtest}.prov`), tarball: signtest, keyring: join(tempDir(), 'none.gpg') }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_KEYRING_READ_FAILED' });
  });
});
