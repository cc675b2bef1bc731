import { KEYRING_HINT, provenanceError } from '../codes.js';
import type { Keyring, KeyringKey } from './keyring.js';

/**
 * Picks the signing key like Helm's `NewFromKeyring(keyring, id)`: a user id equal to `id` wins; otherwise the
 * one key with a user id containing `id` ("GnuPG style"). With an empty `id`, the keyring's only secret key.
 */
export function selectSigningKey(keyring: Keyring, id: string): KeyringKey {
  const where = keyring.path === undefined ? 'the keyring' : keyring.path;
  if (id === '') {
    const secret = distinctKeys(keyring.keys.filter((k) => k.secret));
    if (secret.length === 1) return secret[0]!;
    if (secret.length === 0) {
      throw provenanceError('PROVENANCE_KEY_NOT_FOUND', `${where} holds no secret key to sign with`, {
        hint: `pass a keyring with secret keys; ${KEYRING_HINT}`,
        details: { keyring: keyring.path },
      });
    }
    throw provenanceError('PROVENANCE_KEY_AMBIGUOUS', `${where} holds ${secret.length} secret keys; choose one`, {
      hint: 'name the key with --key (a user id or part of one)',
      details: { keyring: keyring.path, candidates: secret.map(describe) },
    });
  }

  const exact = distinctKeys(keyring.keys.filter((k) => k.userIds.includes(id)));
  if (exact[0] !== undefined) return exact[0];
  const partial = distinctKeys(keyring.keys.filter((k) => k.userIds.some((uid) => uid.includes(id))));
  if (partial.length === 1) return partial[0]!;
  if (partial.length === 0) {
    throw provenanceError(
      'PROVENANCE_KEY_NOT_FOUND',
      `no key in ${where} has a user id containing ${JSON.stringify(id)}`,
      {
        hint: 'list the keyring with `gpg --show-keys <keyring>` and pass a user id (or part of one) with --key',
        details: { keyring: keyring.path, id },
      },
    );
  }
  throw provenanceError('PROVENANCE_KEY_AMBIGUOUS', `more than one key contains the id ${JSON.stringify(id)}`, {
    hint: 'pass the full user id, or more of it, with --key',
    details: { keyring: keyring.path, id, candidates: partial.map(describe) },
  });
}

/**
 * One entry per fingerprint, the secret copy preferred: a keyring made of `gpg --export` and
 * `gpg --export-secret-keys` output holds each key twice, which is not an ambiguity.
 */
function distinctKeys(keys: readonly KeyringKey[]): KeyringKey[] {
  const byFingerprint = new Map<string, KeyringKey>();
  for (const key of keys) {
    const seen = byFingerprint.get(key.fingerprint);
    if (seen === undefined || (!seen.secret && key.secret)) byFingerprint.set(key.fingerprint, key);
  }
  return [...byFingerprint.values()];
}

function describe(key: KeyringKey): string {
  return `${key.fingerprint} ${key.userIds[0] ?? ''}`.trim();
}
