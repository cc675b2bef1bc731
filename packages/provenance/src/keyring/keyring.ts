import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type Key, readKeys, unarmor } from 'openpgp';
import { KEYRING_HINT, provenanceError } from '../codes.js';
import { armoredKeyBlocks, isArmored, isKeybox, keyboxKeyblocks, splitKeyBlocks } from './packets.js';

/** One key (with its subkeys) of a keyring. */
export interface KeyringKey {
  /** Fingerprint of the primary key, uppercase hex (what Helm prints as `Using Key With Fingerprint`). */
  readonly fingerprint: string;
  /** Long key id of the primary key, uppercase hex. */
  readonly keyId: string;
  /** User ids, e.g. `Helm Testing (…) <helm-testing@helm.sh>`. */
  readonly userIds: readonly string[];
  /** Has secret key material (read from a secret keyring). */
  readonly secret: boolean;
  /** Secret material still protected by a passphrase. */
  readonly encrypted: boolean;
  /** The openpgp.js key. */
  readonly key: Key;
}

export interface Keyring {
  readonly keys: readonly KeyringKey[];
  /** The file it was read from, when it was read from a file. */
  readonly path?: string;
  /** Keys present in the file but not usable (unsupported versions or algorithms), skipped like Helm does. */
  readonly skipped: number;
}

/** `$GNUPGHOME/pubring.gpg`, else `~/.gnupg/pubring.gpg`: Helm's default `--keyring`. */
export function defaultKeyringPath(
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = env['HOME'] ?? homedir(),
): string {
  const gnupgHome = env['GNUPGHOME'];
  if (gnupgHome !== undefined) return join(gnupgHome, 'pubring.gpg');
  return join(home, '.gnupg', 'pubring.gpg');
}

/** Wraps an openpgp.js key. */
export function toKeyringKey(key: Key): KeyringKey {
  const secret = key.isPrivate();
  return {
    fingerprint: key.getFingerprint().toUpperCase(),
    keyId: key.getKeyID().toHex().toUpperCase(),
    userIds: key.getUserIDs(),
    secret,
    encrypted: secret && !key.isDecrypted(),
    key,
  };
}

function readFailed(message: string, path: string | undefined, cause?: unknown) {
  return provenanceError('PROVENANCE_KEYRING_READ_FAILED', message, {
    hint: KEYRING_HINT,
    ...(cause === undefined ? {} : { cause }),
    ...(path === undefined ? {} : { details: { path } }),
  });
}

async function packetStreams(bytes: Uint8Array): Promise<Uint8Array[]> {
  if (isKeybox(bytes)) return splitKeyBlocks(keyboxKeyblocks(bytes));
  if (!isArmored(bytes)) return splitKeyBlocks(bytes);
  const blocks = armoredKeyBlocks(Buffer.from(bytes).toString('utf8'));
  if (blocks.length === 0) throw new Error('no armored PUBLIC or PRIVATE KEY BLOCK found');
  const streams: Uint8Array[] = [];
  for (const block of blocks) streams.push(...splitKeyBlocks((await unarmor(block)).data as Uint8Array));
  return streams;
}

/**
 * Reads a keyring: a path or the file's bytes. Accepts what `gpg --export` / `gpg --export-secret-keys` write
 * (binary, many keys concatenated, GnuPG 1 `pubring.gpg`/`secring.gpg` alike), the same with `--armor` (one or
 * more blocks), and a GnuPG 2.1+ keybox (`pubring.kbx`). Public and secret keys may be mixed.
 */
export async function readKeyring(source: Uint8Array | string): Promise<Keyring> {
  const path = typeof source === 'string' ? source : undefined;
  let bytes: Uint8Array;
  if (typeof source === 'string') {
    try {
      bytes = await readFile(source);
    } catch (cause) {
      throw readFailed(`cannot read keyring ${source}`, path, cause);
    }
  } else {
    bytes = source;
  }

  let streams: Uint8Array[];
  try {
    streams = await packetStreams(bytes);
  } catch (cause) {
    throw readFailed(`${path ?? 'keyring'} is not an OpenPGP keyring`, path, cause);
  }

  const keys: KeyringKey[] = [];
  let skipped = 0;
  let lastError: unknown;
  for (const stream of streams) {
    try {
      for (const key of await readKeys({ binaryKeys: stream })) keys.push(toKeyringKey(key));
    } catch (cause) {
      skipped++;
      lastError = cause;
    }
  }
  if (keys.length === 0) {
    throw readFailed(`${path ?? 'keyring'} holds no usable OpenPGP key`, path, lastError);
  }
  return { keys, skipped, ...(path === undefined ? {} : { path }) };
}

/** A keyring given as a Keyring, a path or bytes. */
export async function toKeyring(source: Keyring | Uint8Array | string): Promise<Keyring> {
  return typeof source === 'string' || source instanceof Uint8Array ? readKeyring(source) : source;
}
