import { basename } from 'node:path';
import { createMessage, readSignature, type Signature, unarmor, type VerifyMessageResult, verify } from 'openpgp';
import { KEYRING_HINT, provenanceError } from '../codes.js';
import { digestFile, provenanceDigest } from '../digest.js';
import { type Keyring, type KeyringKey, toKeyring } from '../keyring/keyring.js';
import { decodeClearsigned } from '../message/clearsign.js';
import { parseMessageBlock } from '../message/message-block.js';

interface VerifyCommon {
  /** The `.prov` file's content. */
  provText: string | Uint8Array;
  /** Public keys to trust: a Keyring, or a keyring file's path or bytes. */
  keyring: Keyring | Uint8Array | string;
}

export type VerifyProvenanceOptions = VerifyCommon &
  (
    | {
        /** The tarball's bytes. */
        tarball: Uint8Array;
        /** The name the `.prov` lists it under (Helm: the basename of the file or URL). */
        filename: string;
      }
    | {
        /** The tarball's path; it is hashed as a stream. */
        tarball: string;
        /** Defaults to the path's basename. */
        filename?: string;
      }
  );

export interface ProvenanceVerification {
  /** User ids of the key that signed (Helm prints each as `Signed by:`). */
  signedBy: string[];
  /** Fingerprint of that key's primary key, uppercase hex (`Using Key With Fingerprint:`). */
  fingerprint: string;
  /** `sha256:<hex>` of the tarball (`Plugin Hash Verified:`). */
  hash: string;
  /** The file name that was looked up in the `.prov`. */
  filename: string;
}

function invalidSignature(message: string, cause?: unknown, details?: Record<string, unknown>) {
  return provenanceError('PROVENANCE_SIGNATURE_INVALID', message, {
    hint: `the .prov was not signed by a key in the keyring, or the file was changed after signing; ${KEYRING_HINT}`,
    ...(cause === undefined ? {} : { cause }),
    ...(details === undefined ? {} : { details }),
  });
}

async function readArmoredSignature(armored: string): Promise<Signature> {
  let binary: Uint8Array;
  try {
    binary = (await unarmor(armored)).data as Uint8Array;
  } catch (cause) {
    throw provenanceError(
      'PROVENANCE_NO_SIGNATURE_BLOCK',
      'signature block not found: the signature armor is damaged',
      {
        cause,
      },
    );
  }
  try {
    return await readSignature({ binarySignature: binary });
  } catch (cause) {
    throw invalidSignature('the signature cannot be parsed', cause);
  }
}

/**
 * Checks the signature over `signedText` against the keyring like go-crypto's CheckDetachedSignature: the first
 * signature made by a key of the keyring decides; none made by one is an error.
 */
async function checkSignature(signedText: string, signature: Signature, keyring: Keyring): Promise<KeyringKey> {
  let result: VerifyMessageResult;
  try {
    result = await verify({
      message: await createMessage({ text: signedText }),
      signature,
      verificationKeys: keyring.keys.map((k) => k.key),
    });
  } catch (cause) {
    throw invalidSignature('the signature cannot be checked', cause);
  }
  const issuers: string[] = [];
  for (const candidate of result.signatures) {
    const keyId = candidate.keyID.toHex().toUpperCase();
    issuers.push(keyId);
    const signer = keyring.keys.find((k) => k.key.getKeys(candidate.keyID).length > 0);
    if (signer === undefined) continue;
    try {
      await candidate.verified;
    } catch (cause) {
      throw invalidSignature(`bad signature from key ${signer.fingerprint}`, cause, {
        fingerprint: signer.fingerprint,
      });
    }
    return signer;
  }
  throw invalidSignature(
    issuers.length === 0
      ? 'the signature block holds no signature'
      : `signed by ${issuers.join(', ')}, which is not in the keyring`,
    undefined,
    { issuers, ...(keyring.path === undefined ? {} : { keyring: keyring.path }) },
  );
}

/**
 * Helm's provenance Verify for a plugin tarball: the clearsigned `.prov` must be signed by a key of the
 * keyring, list `filename` under `files`, and that entry must equal the tarball's `sha256:<hex>`. Only the
 * `files` half of the message is read; the metadata half is ignored, as Helm does.
 */
export async function verifyProvenance(options: VerifyProvenanceOptions): Promise<ProvenanceVerification> {
  const text = typeof options.provText === 'string' ? options.provText : Buffer.from(options.provText).toString('utf8');
  const block = decodeClearsigned(text);
  if (block === undefined) {
    throw provenanceError('PROVENANCE_NO_SIGNATURE_BLOCK', 'signature block not found', {
      hint: 'a .prov must be an OpenPGP clearsigned message (-----BEGIN PGP SIGNED MESSAGE-----)',
    });
  }
  const signature = await readArmoredSignature(block.armoredSignature);
  const keyring = await toKeyring(options.keyring);
  const signer = await checkSignature(block.signedText, signature, keyring);

  const { files } = parseMessageBlock(block.plaintext);
  if (options.filename === undefined && typeof options.tarball !== 'string') {
    throw new TypeError('verifyProvenance: a filename is required when the tarball is given as bytes');
  }
  const filename = options.filename ?? basename(options.tarball as string);
  if (!Object.hasOwn(files, filename)) {
    throw provenanceError(
      'PROVENANCE_FILE_NOT_LISTED',
      `provenance does not contain a SHA for a file named ${JSON.stringify(filename)}`,
      {
        hint: 'the .prov belongs to another file: keep the tarball name it was signed under',
        details: { filename, listed: Object.keys(files) },
      },
    );
  }
  const expected = files[filename]!;
  const hex =
    typeof options.tarball === 'string' ? await digestFile(options.tarball) : provenanceDigest(options.tarball);
  const actual = `sha256:${hex}`;
  if (expected !== actual) {
    throw provenanceError(
      'PROVENANCE_HASH_MISMATCH',
      `sha256 sum does not match for ${filename}: ${JSON.stringify(expected)} != ${JSON.stringify(actual)}`,
      {
        hint: 'the tarball was changed after it was signed, or the download is incomplete',
        details: { filename, expected, actual },
      },
    );
  }
  return { signedBy: [...signer.userIds], fingerprint: signer.fingerprint, hash: actual, filename };
}
