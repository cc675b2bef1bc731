import { readFile } from 'node:fs/promises';
import { Helm4Error } from '@helm4/errors';
import { decryptKey, type PrivateKey } from 'openpgp';
import { provenanceError } from '../codes.js';
import { type KeyringKey, toKeyringKey } from './keyring.js';

/**
 * Where a passphrase comes from: the passphrase itself, or a callback given the key's first user id (the CLI
 * prompts `Password for key "<uid>" >` on a TTY, or reads `--passphrase-file` with readPassphraseFile).
 */
export type PassphraseSource = string | ((userId: string) => string | Promise<string>);

/**
 * Helm's DecryptKey: unlocks the secret key material of `key` for signing. An unencrypted key is returned as
 * it is and the source is not asked. The keyring's key is left locked; the result is a decrypted copy.
 */
export async function decryptSigningKey(key: KeyringKey, passphrase?: PassphraseSource): Promise<KeyringKey> {
  if (!key.secret) {
    throw provenanceError('PROVENANCE_KEY_NOT_SECRET', `key ${key.fingerprint} has no secret key material`, {
      hint: 'sign with a secret keyring: `gpg --export-secret-keys > secring.gpg`, then --keyring secring.gpg',
      details: { fingerprint: key.fingerprint },
    });
  }
  if (!key.encrypted) return key;
  if (passphrase === undefined) {
    throw provenanceError('PROVENANCE_PASSPHRASE_REQUIRED', `key ${key.fingerprint} is protected by a passphrase`, {
      hint: 'give the passphrase with --passphrase-file (`-` reads it from stdin), or run in a terminal to be asked',
      details: { fingerprint: key.fingerprint },
    });
  }

  let value: string;
  try {
    value =
      typeof passphrase === 'string' ? passphrase : await passphrase(key.userIds.find((u) => u !== '') ?? 'Unknown');
  } catch (cause) {
    if (cause instanceof Helm4Error) throw cause;
    throw provenanceError('PROVENANCE_PASSPHRASE_READ_FAILED', 'cannot read the passphrase', { cause });
  }

  try {
    const decrypted = await decryptKey({ privateKey: key.key as PrivateKey, passphrase: value });
    return toKeyringKey(decrypted);
  } catch (cause) {
    throw provenanceError('PROVENANCE_BAD_PASSPHRASE', `wrong passphrase for key ${key.fingerprint}`, {
      cause,
      hint: 'check the passphrase (a --passphrase-file keeps everything but its trailing line breaks)',
      details: { fingerprint: key.fingerprint },
    });
  }
}

/** What readPassphraseFile needs of stdin (process.stdin fits). */
export interface PassphraseStdin extends AsyncIterable<string | Uint8Array> {
  readonly isTTY?: boolean;
}

/**
 * Reads `--passphrase-file`: the whole file, or stdin for `-`, without its trailing `\r` / `\n` characters
 * (Go's `bytes.TrimRight(p, "\r\n")`). Stdin must not be a terminal.
 */
export async function readPassphraseFile(path: string, stdin: PassphraseStdin = process.stdin): Promise<string> {
  let bytes: Buffer;
  if (path === '-') {
    if (stdin.isTTY === true) {
      throw provenanceError(
        'PROVENANCE_PASSPHRASE_READ_FAILED',
        'specified reading passphrase from stdin, without input on stdin',
        { hint: 'pipe the passphrase in: `… --passphrase-file - < file` or `pass show key | …`' },
      );
    }
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    } catch (cause) {
      throw provenanceError('PROVENANCE_PASSPHRASE_READ_FAILED', 'cannot read the passphrase from stdin', { cause });
    }
    bytes = Buffer.concat(chunks);
  } else {
    try {
      bytes = await readFile(path);
    } catch (cause) {
      throw provenanceError('PROVENANCE_PASSPHRASE_READ_FAILED', `cannot read passphrase file ${path}`, {
        cause,
        details: { path },
      });
    }
  }
  return bytes.toString('utf8').replace(/[\r\n]+$/, '');
}
