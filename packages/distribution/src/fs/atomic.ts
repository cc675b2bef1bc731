import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { distError } from '../codes.js';

/** A hidden name beside `target`, on the same filesystem, for a write that is renamed into place. */
export function tempSibling(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `data` to a temporary sibling and renames it over `target`: readers see the old file or the new one. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const tmp = tempSibling(target);
  try {
    await writeFile(tmp, data, { mode, flag: 'wx' });
    await rename(tmp, target);
  } catch (cause) {
    await rm(tmp, { force: true });
    throw distError('DIST_WRITE_FAILED', `cannot write ${target}`, { cause, details: { path: target } });
  }
}

/** Streams into a temporary sibling of `target`, renamed into place when `produce` succeeds. */
export async function streamFileAtomic(target: string, produce: (out: Writable) => Promise<void>): Promise<void> {
  const tmp = tempSibling(target);
  try {
    await produce(createWriteStream(tmp, { flags: 'wx', mode: 0o644 }));
    await rename(tmp, target);
  } catch (cause) {
    await rm(tmp, { force: true });
    if (cause instanceof Error && cause.name === 'Helm4Error') throw cause;
    throw distError('DIST_WRITE_FAILED', `cannot write ${target}`, { cause, details: { path: target } });
  }
}
