import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELM_TEST_FINGERPRINT, HELM_TEST_UID, PASSWORD_KEY_FINGERPRINT, testdata } from '../../test/support.js';
import { type Keyring, readKeyring } from './keyring.js';
import { selectSigningKey } from './select-key.js';

const read = (name: string) => readFileSync(testdata(name));
/** helm-test (secret), password key (secret), helm-test and ed25519 (public). */
const ring = async (...names: string[]) => readKeyring(Buffer.concat(names.map(read)));

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('selectSigningKey', () => {
  it('picks the key whose user id equals the id', async () => {
    const keyring = await ring('helm-test-key.secret', 'helm-password-key.secret');
    expect(selectSigningKey(keyring, HELM_TEST_UID).fingerprint).toBe(HELM_TEST_FINGERPRINT);
    expect(selectSigningKey(keyring, 'password key (fake) <fake@helm.sh>').fingerprint).toBe(PASSWORD_KEY_FINGERPRINT);
  });

  it('picks the one key with a user id containing the id (helm-test, like Helm tests)', async () => {
    const keyring = await ring('helm-test-key.secret', 'helm-password-key.secret');
    expect(selectSigningKey(keyring, 'helm-test').fingerprint).toBe(HELM_TEST_FINGERPRINT);
    expect(selectSigningKey(keyring, 'fake@').fingerprint).toBe(PASSWORD_KEY_FINGERPRINT);
  });

  it('refuses an id contained in several keys: PROVENANCE_KEY_AMBIGUOUS', async () => {
    const keyring = await ring('helm-test-key.secret', 'helm-password-key.secret');
    expect(code(() => selectSigningKey(keyring, 'helm.sh'))).toBe('PROVENANCE_KEY_AMBIGUOUS');
  });

  it('prefers an exact match over substring matches in other keys', async () => {
    const keyring = await ring('helm-test-key.secret', 'helm-password-key.secret');
    const fake: Keyring = {
      ...keyring,
      keys: [
        ...keyring.keys,
        { ...keyring.keys[1]!, fingerprint: 'F00D', userIds: ['password key (fake) <fake@helm.sh>x'] },
      ],
    };
    expect(selectSigningKey(fake, 'password key (fake) <fake@helm.sh>').fingerprint).toBe(PASSWORD_KEY_FINGERPRINT);
    expect(code(() => selectSigningKey(fake, 'password key'))).toBe('PROVENANCE_KEY_AMBIGUOUS');
  });

  it('refuses an id no key has: PROVENANCE_KEY_NOT_FOUND', async () => {
    const keyring = await ring('helm-test-key.secret');
    expect(code(() => selectSigningKey(keyring, 'nobody@example.com'))).toBe('PROVENANCE_KEY_NOT_FOUND');
  });

  it('is not ambiguous when a key is both in its public and its secret form, and takes the secret one', async () => {
    const keyring = await ring('helm-test-key.pub', 'helm-test-key.secret');
    expect(keyring.keys).toHaveLength(2);
    expect(selectSigningKey(keyring, 'helm-test').secret).toBe(true);
    expect(selectSigningKey(keyring, '').secret).toBe(true);
  });

  it('with an empty id takes the only secret key', async () => {
    const keyring = await ring('helm-mixed-keyring.pub', 'helm-password-key.secret');
    expect(selectSigningKey(keyring, '').fingerprint).toBe(PASSWORD_KEY_FINGERPRINT);
  });

  it('with an empty id refuses several secret keys, or none', async () => {
    const two = await ring('helm-test-key.secret', 'helm-password-key.secret');
    expect(code(() => selectSigningKey(two, ''))).toBe('PROVENANCE_KEY_AMBIGUOUS');
    const none = await ring('helm-mixed-keyring.pub');
    expect(code(() => selectSigningKey(none, ''))).toBe('PROVENANCE_KEY_NOT_FOUND');
  });

  it('selects a public key by id; decrypting it then fails (see passphrase tests)', async () => {
    const keyring = await ring('helm-mixed-keyring.pub');
    expect(selectSigningKey(keyring, 'ed25519').secret).toBe(false);
  });
});
