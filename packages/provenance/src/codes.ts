import { Helm4Error, type Helm4ErrorOptions } from '@helm4/errors';

/** Every code this package raises. Listed in docs/errors.md. */
export const PROVENANCE_CODES = [
  'PROVENANCE_KEYRING_READ_FAILED',
  'PROVENANCE_KEY_NOT_FOUND',
  'PROVENANCE_KEY_AMBIGUOUS',
  'PROVENANCE_KEY_NOT_SECRET',
  'PROVENANCE_PASSPHRASE_REQUIRED',
  'PROVENANCE_PASSPHRASE_READ_FAILED',
  'PROVENANCE_BAD_PASSPHRASE',
  'PROVENANCE_SIGN_INPUT_INVALID',
  'PROVENANCE_SIGN_FAILED',
  'PROVENANCE_NO_SIGNATURE_BLOCK',
  'PROVENANCE_SIGNATURE_INVALID',
  'PROVENANCE_MESSAGE_BLOCK_INVALID',
  'PROVENANCE_FILE_NOT_LISTED',
  'PROVENANCE_HASH_MISMATCH',
  'PROVENANCE_TARBALL_READ_FAILED',
] as const;

export type ProvenanceCode = (typeof PROVENANCE_CODES)[number];

export function provenanceError(code: ProvenanceCode, message: string, options: Helm4ErrorOptions = {}) {
  return new Helm4Error<ProvenanceCode>(code, message, options);
}

/** The hint for every keyring problem: how to make one with gpg. */
export const KEYRING_HINT =
  'export a keyring with gpg: `gpg --export > ~/.gnupg/pubring.gpg` (public keys, for verifying) or ' +
  '`gpg --export-secret-keys > secring.gpg` (secret keys, for signing), then pass it with --keyring';
