import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Helm4Error } from '@helm4/errors';
import { MANIFEST_FILE } from './list-dirs.js';

/** Reads `<dir>/plugin.yaml`, wrapping fs failures in coded errors. */
export async function readManifest(dir: string): Promise<string> {
  try {
    return await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new Helm4Error(
        'MANIFEST_NOT_FOUND',
        `failed to load plugin ${JSON.stringify(dir)}: plugin.yaml not found`,
        {
          cause,
          details: { dir },
          hint: 'a plugin directory must contain a plugin.yaml file',
        },
      );
    }
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Helm4Error('MANIFEST_READ_FAILED', `failed to read plugin.yaml in ${JSON.stringify(dir)}: ${reason}`, {
      cause,
      details: { dir },
    });
  }
}

/** Issues that come from reading the file rather than its content; they are never cached. */
export const READ_CODES: ReadonlySet<string> = new Set(['MANIFEST_NOT_FOUND', 'MANIFEST_READ_FAILED']);
