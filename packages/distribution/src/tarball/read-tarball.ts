import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ReadEntry } from 'tar';
import { distError, errnoOf } from '../codes.js';

/** Caps on what an archive may unpack to. */
export interface TarLimits {
  /** Total bytes of all files (declared sizes); default 256 MiB. */
  maxBytes?: number;
  /** Number of entries; default 10 000. */
  maxEntries?: number;
}

export const DEFAULT_TAR_LIMITS: Required<TarLimits> = { maxBytes: 256 * 1024 * 1024, maxEntries: 10_000 };

/** plugin.yaml is read into memory: more than this is not a plugin manifest. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * Helm's cleanJoin rules for an entry name: no `:`, no `..` component, not absolute (backslashes count as
 * slashes). Returns the normalised relative path ('' for the archive root).
 */
export function safeEntryPath(name: string): string {
  const unsafe = (why: string) =>
    distError('DIST_TAR_UNSAFE_PATH', `archive entry ${JSON.stringify(name)} ${why}`, {
      hint: 'the archive was built to write outside its directory; do not install it',
      details: { entry: name },
    });
  if (name.includes(':')) throw unsafe("contains ':'");
  const slashed = name.replaceAll('\\', '/');
  if (slashed.split('/').includes('..')) throw unsafe("contains '..'");
  if (slashed.startsWith('/')) throw unsafe('is an absolute path');
  if (name.includes('\0')) throw unsafe('contains a NUL character');
  const normal = path.posix.normalize(slashed).replace(/\/+$/, '');
  return normal === '.' ? '' : normal;
}

type TarModule = typeof import('tar');
let tarModule: Promise<TarModule> | undefined;
const loadTar = () => (tarModule ??= import('tar'));

/** Reads a .tgz synchronously entry by entry; errors of the tar library become DIST_TAR_INVALID. */
async function scan(file: string, onEntry: (entry: ReadEntry) => void): Promise<void> {
  const { list } = await loadTar();
  try {
    list({ file, sync: true, strict: true, maxMetaEntrySize: 1024 * 1024, onReadEntry: onEntry });
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'Helm4Error') throw cause;
    const errno = errnoOf(cause);
    if (errno === 'ENOENT' || errno === 'EACCES' || errno === 'EISDIR') {
      throw distError('DIST_READ_FAILED', `cannot read ${file}`, { cause, details: { path: file } });
    }
    throw distError('DIST_TAR_INVALID', `${file} is not a valid gzip'd tar archive: ${(cause as Error).message}`, {
      cause,
      hint: 'a plugin archive is a .tgz made by `helm plugin package`',
      details: { path: file },
    });
  }
}

function checkEntryType(entry: ReadEntry): 'file' | 'dir' | 'skip' {
  switch (entry.type) {
    case 'File':
    case 'OldFile':
    case 'ContiguousFile':
      return 'file';
    case 'Directory':
      return 'dir';
    case 'ExtendedHeader':
    case 'GlobalExtendedHeader':
    case 'NextFileHasLongPath':
    case 'NextFileHasLongLinkpath':
      return 'skip';
    case 'SymbolicLink':
    case 'Link':
      throw distError(
        'DIST_TAR_LINK',
        `archive entry ${JSON.stringify(entry.path)} is a ${entry.type === 'Link' ? 'hard' : 'symbolic'} link to ${JSON.stringify(entry.linkpath ?? '')}`,
        {
          hint: 'plugin archives may hold only files and directories (Helm refuses links too)',
          details: { entry: entry.path, linkpath: entry.linkpath },
        },
      );
    default:
      throw distError('DIST_TAR_UNSUPPORTED_ENTRY', `archive entry ${JSON.stringify(entry.path)} is a ${entry.type}`, {
        hint: 'plugin archives may hold only files and directories',
        details: { entry: entry.path, type: entry.type },
      });
  }
}

/**
 * Helm's ExtractTgzPluginMetadata: the text of the first entry whose basename is `plugin.yaml`, and the
 * archive-relative path it was found at; undefined when there is none.
 */
export async function readTarballManifest(file: string): Promise<{ text: string; path: string } | undefined> {
  let found: { text: string; path: string } | undefined;
  let reading = false;
  await scan(file, (entry) => {
    if (found !== undefined || reading || path.posix.basename(entry.path.replaceAll('\\', '/')) !== 'plugin.yaml') {
      return;
    }
    if (entry.size > MAX_MANIFEST_BYTES) {
      throw distError('DIST_TAR_TOO_LARGE', `plugin.yaml in ${file} is larger than ${MAX_MANIFEST_BYTES} bytes`, {
        details: { path: file, size: entry.size },
      });
    }
    reading = true;
    const chunks: Buffer[] = [];
    entry.on('data', (c: Buffer) => chunks.push(c));
    entry.on('end', () => {
      found = { text: Buffer.concat(chunks).toString('utf8'), path: entry.path };
      reading = false;
    });
  });
  return found;
}

/**
 * Unpacks `file` into `targetDir` (which must be a fresh, private directory): only regular files and
 * directories; entries with `..`, `:` or absolute names, links, devices, and archives over the limits are
 * refused with a coded error before anything outside is touched. Files keep their permission bits (without
 * setuid/setgid/sticky); directories are 0755.
 */
export async function extractTarball(file: string, targetDir: string, limits: TarLimits = {}): Promise<void> {
  const maxBytes = limits.maxBytes ?? DEFAULT_TAR_LIMITS.maxBytes;
  const maxEntries = limits.maxEntries ?? DEFAULT_TAR_LIMITS.maxEntries;
  let entries = 0;
  let bytes = 0;
  let openFd: number | undefined;
  mkdirSync(targetDir, { recursive: true, mode: 0o755 });
  try {
    await scan(file, (entry) => unpackEntry(entry));
  } finally {
    if (openFd !== undefined) closeSync(openFd);
  }

  function unpackEntry(entry: ReadEntry): void {
    const kind = checkEntryType(entry);
    if (kind === 'skip') return;
    const rel = safeEntryPath(entry.path);
    entries++;
    if (entries > maxEntries) {
      throw distError('DIST_TAR_TOO_MANY_ENTRIES', `${file} holds more than ${maxEntries} entries`, {
        hint: 'a plugin archive this big is refused; check where it came from',
        details: { path: file, maxEntries },
      });
    }
    bytes += entry.size;
    if (bytes > maxBytes) {
      throw distError('DIST_TAR_TOO_LARGE', `${file} unpacks to more than ${maxBytes} bytes`, {
        hint: 'a plugin archive this big is refused; check where it came from',
        details: { path: file, maxBytes },
      });
    }
    const dest = rel === '' ? targetDir : path.join(targetDir, ...rel.split('/'));
    try {
      if (kind === 'dir') {
        mkdirSync(dest, { recursive: true, mode: 0o755 });
        return;
      }
      mkdirSync(path.dirname(dest), { recursive: true, mode: 0o755 });
      const fd = openSync(dest, 'w', (entry.mode ?? 0o644) & 0o777);
      openFd = fd;
      entry.on('data', (c: Buffer) => writeSync(fd, c));
      entry.on('end', () => {
        openFd = undefined;
        closeSync(fd);
      });
    } catch (cause) {
      throw distError('DIST_TAR_INVALID', `cannot unpack ${JSON.stringify(entry.path)} from ${file}`, {
        cause,
        details: { path: file, entry: entry.path, errno: errnoOf(cause) },
      });
    }
  }
}
