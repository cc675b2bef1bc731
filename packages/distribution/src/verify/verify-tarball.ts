import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Keyring, ProvenanceVerification } from '@helm4/provenance';
import { distError, errnoOf } from '../codes.js';
import { assertTarballFile } from '../sign/sign-tarball.js';

export interface VerifyPluginOptions {
  /** The plugin tarball; its `.prov` must be beside it. */
  tarball: string;
  /** Public keyring; default $GNUPGHOME/pubring.gpg or ~/.gnupg/pubring.gpg. */
  keyring?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/** What Helm prints after a successful verification. */
export interface VerificationReport {
  signedBy: string[];
  /** Uppercase hex. */
  fingerprint: string;
  /** `sha256:<hex>`. */
  hash: string;
  filename: string;
}

/** Reads `<file>.prov`; a missing one is DIST_PROV_NOT_FOUND. */
export async function readProv(file: string, hint: string): Promise<Buffer> {
  const prov = `${file}.prov`;
  try {
    return await readFile(prov);
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') {
      throw distError('DIST_PROV_NOT_FOUND', `could not find provenance file ${prov}`, {
        cause,
        hint,
        details: { path: prov },
      });
    }
    throw distError('DIST_READ_FAILED', `cannot read ${prov}`, { cause, details: { path: prov } });
  }
}

/** Verifies archive bytes or a path against a `.prov` (PROVENANCE_* errors pass through). */
export async function verifyArchive(input: {
  archive: string | Uint8Array;
  filename: string;
  prov: Uint8Array;
  keyring?: string | Keyring;
  env?: Readonly<Record<string, string | undefined>>;
}): Promise<VerificationReport> {
  const provenance = await import('@helm4/provenance');
  const keyring = input.keyring ?? provenance.defaultKeyringPath(input.env ?? process.env);
  const result: ProvenanceVerification =
    typeof input.archive === 'string'
      ? await provenance.verifyProvenance({
          provText: input.prov,
          keyring,
          tarball: input.archive,
          filename: input.filename,
        })
      : await provenance.verifyProvenance({
          provText: input.prov,
          keyring,
          tarball: input.archive,
          filename: input.filename,
        });
  return { signedBy: result.signedBy, fingerprint: result.fingerprint, hash: result.hash, filename: result.filename };
}

/**
 * `helm plugin verify TGZ`: the `.prov` beside the tarball must be signed by a key of the keyring and list the
 * tarball's SHA-256 under its basename. Directories are refused, as by Helm.
 */
export async function verifyPluginTarball(options: VerifyPluginOptions): Promise<VerificationReport> {
  await assertTarballFile(options.tarball);
  const prov = await readProv(options.tarball, 'sign it with `helm plugin sign`, or get the .prov from its publisher');
  return verifyArchive({
    archive: options.tarball,
    filename: path.basename(options.tarball),
    prov,
    ...(options.keyring === undefined ? {} : { keyring: options.keyring }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
}
