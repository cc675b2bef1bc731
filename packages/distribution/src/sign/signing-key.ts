import type { KeyringKey, PassphraseStdin } from '@helm4/provenance';

/** How `package --sign` and `sign` find and unlock the signing key (Helm's NewFromKeyring + DecryptKey). */
export interface SigningKeyOptions {
  /** Secret keyring (binary or armored); default $GNUPGHOME/pubring.gpg or ~/.gnupg/pubring.gpg, as Helm. */
  keyring?: string;
  /** A user id, or part of one (`--key`); empty means the keyring's only secret key. */
  key?: string;
  /** `--passphrase-file`: a path, or `-` for stdin (which must not be a terminal). */
  passphraseFile?: string;
  /** Stdin for `--passphrase-file -`; process.stdin by default. */
  stdin?: PassphraseStdin;
  /** Asks for the passphrase of a locked key when there is no passphrase file (the CLI prompts on a TTY). */
  prompt?: (userId: string) => Promise<string>;
  /** Environment for the default keyring path. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Loads, selects and decrypts the signing key. Failures are PROVENANCE_* errors (key, keyring, passphrase). */
export async function loadSigningKey(options: SigningKeyOptions): Promise<KeyringKey> {
  const provenance = await import('@helm4/provenance');
  const keyringPath = options.keyring ?? provenance.defaultKeyringPath(options.env ?? process.env);
  const keyring = await provenance.readKeyring(keyringPath);
  const key = provenance.selectSigningKey(keyring, options.key ?? '');
  if (options.passphraseFile !== undefined && options.passphraseFile !== '') {
    const passphrase = await provenance.readPassphraseFile(options.passphraseFile, options.stdin ?? process.stdin);
    return provenance.decryptSigningKey(key, passphrase);
  }
  return provenance.decryptSigningKey(key, options.prompt);
}
