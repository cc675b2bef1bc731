import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { provenanceError } from './codes.js';

/** Helm's provenance.Digest: the lowercase hex SHA-256 of the bytes. */
export function provenanceDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 of a file, read as a stream (plugin tarballs may be large). */
export async function digestFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (cause) {
    throw provenanceError('PROVENANCE_TARBALL_READ_FAILED', `cannot read ${path}`, {
      cause,
      details: { path },
    });
  }
  return hash.digest('hex');
}
