import { createMessage, enums, type PrivateKey, readSignature, sign } from 'openpgp';
import { provenanceError } from '../codes.js';
import { provenanceDigest } from '../digest.js';
import type { KeyringKey } from '../keyring/keyring.js';
import { armorSignature, encodeClearsigned } from '../message/clearsign.js';
import type { ProvenanceMetadata } from '../message/go-metadata.js';
import { buildMessageBlock, marshalPluginMetadata } from '../message/message-block.js';

export interface SignProvenanceOptions {
  /** The plugin's metadata (our normalised form); written first, in Helm's Go-struct YAML. */
  metadata: ProvenanceMetadata;
  /** Tarball basename → its bytes, or its SHA-256 (hex, optionally prefixed `sha256:`). Helm writes one. */
  files: Readonly<Record<string, Uint8Array | string>>;
  /** A secret key, decrypted (see decryptSigningKey). */
  key: KeyringKey;
  /** Signature creation time; now by default. */
  date?: Date;
}

/** go-crypto's names for the `Hash:` armor header. */
const HASH_HEADER_NAMES: Readonly<Record<number, string>> = {
  [enums.hash.sha1]: 'SHA1',
  [enums.hash.sha256]: 'SHA256',
  [enums.hash.sha384]: 'SHA384',
  [enums.hash.sha512]: 'SHA512',
  [enums.hash.sha224]: 'SHA224',
  [enums.hash.sha3_256]: 'SHA3-256',
  [enums.hash.sha3_512]: 'SHA3-512',
};

function invalidInput(message: string, details: Record<string, unknown>) {
  return provenanceError('PROVENANCE_SIGN_INPUT_INVALID', message, { details });
}

function digestOf(name: string, value: Uint8Array | string): string {
  if (typeof value !== 'string') return provenanceDigest(value);
  const m = /^(?:sha256:)?([0-9a-fA-F]{64})$/.exec(value);
  if (m === null) throw invalidInput(`the digest given for ${name} is not a SHA-256 hex string`, { name, value });
  return m[1]!.toLowerCase();
}

/** The message block Helm signs: metadata YAML, `\n...\n`, `files:` (exported for tests and the CLI's dry run). */
export function provenanceMessage(
  metadata: ProvenanceMetadata,
  files: Readonly<Record<string, Uint8Array | string>>,
): string {
  const names = Object.keys(files);
  if (names.length === 0) throw invalidInput('nothing to sign: no file given', {});
  const sums: Record<string, string> = {};
  for (const name of names) {
    if (name === '') throw invalidInput('a file name is empty', {});
    sums[name] = `sha256:${digestOf(name, files[name]!)}`;
  }
  return buildMessageBlock(marshalPluginMetadata(metadata), sums);
}

/**
 * Writes a plugin's `.prov` like `helm plugin package --sign`: an OpenPGP clearsigned message (SHA-512 where
 * the key allows) whose text is byte-identical to Helm's for the same plugin and tarball.
 */
export async function signProvenance(options: SignProvenanceOptions): Promise<string> {
  const { key } = options;
  const text = provenanceMessage(options.metadata, options.files);
  if (!key.secret) {
    throw provenanceError('PROVENANCE_KEY_NOT_SECRET', `key ${key.fingerprint} has no secret key material`, {
      hint: 'sign with a secret keyring: `gpg --export-secret-keys > secring.gpg`, then --keyring secring.gpg',
      details: { fingerprint: key.fingerprint },
    });
  }
  if (key.encrypted) {
    throw provenanceError('PROVENANCE_PASSPHRASE_REQUIRED', `key ${key.fingerprint} is still locked`, {
      hint: 'unlock it with decryptSigningKey before signing',
      details: { fingerprint: key.fingerprint },
    });
  }

  // What go-crypto hashes (and we frame): each line without trailing blanks; openpgp.js makes the line ends CRLF.
  const signedText = text
    .split('\n')
    .map((line) => line.replace(/[ \t\r]+$/, ''))
    .join('\n');
  let packets: Uint8Array;
  let hashName: string | undefined;
  try {
    packets = await sign({
      message: await createMessage({ text: signedText }),
      signingKeys: key.key as PrivateKey,
      detached: true,
      format: 'binary',
      config: { preferredHashAlgorithm: enums.hash.sha512 },
      ...(options.date === undefined ? {} : { date: options.date }),
    });
    const signature = await readSignature({ binarySignature: packets });
    const first = signature.packets[0];
    hashName = first === undefined || first.version === 6 ? undefined : HASH_HEADER_NAMES[first.hashAlgorithm ?? 0];
  } catch (cause) {
    throw provenanceError('PROVENANCE_SIGN_FAILED', `signing with key ${key.fingerprint} failed`, {
      cause,
      details: { fingerprint: key.fingerprint },
    });
  }
  return encodeClearsigned(text, hashName, armorSignature(packets));
}
