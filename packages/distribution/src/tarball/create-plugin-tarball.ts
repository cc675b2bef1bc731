import { type BigIntStats, createReadStream } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { distError } from '../codes.js';
import { groupName, userName } from './owner-names.js';
import { bodyPadding, END_OF_ARCHIVE, encodeHeader, type TarHeader } from './ustar.js';

/** Go's byte-wise sort.Strings order, which filepath.Walk visits directory entries in. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** time.Time.Round(time.Second) of a nanosecond timestamp: halves round up. */
function roundedSeconds(ns: bigint): number {
  return Number((ns + 500_000_000n) / 1_000_000_000n);
}

function headerFor(name: string, info: BigIntStats): TarHeader {
  const uid = Number(info.uid);
  const gid = Number(info.gid);
  return {
    name,
    // fs.FileMode.Perm() plus the setuid/setgid/sticky bits, as tar.FileInfoHeader writes them.
    mode: Number(info.mode) & 0o7777,
    uid,
    gid,
    size: info.isFile() ? Number(info.size) : 0,
    mtime: roundedSeconds(info.mtimeNs),
    typeflag: info.isDirectory() ? '5' : '0',
    uname: userName(uid),
    gname: groupName(gid),
  };
}

/** Every tar chunk of the plugin directory, in filepath.Walk order. */
async function* tarChunks(sourceDir: string, baseName: string): AsyncGenerator<Buffer> {
  async function* walk(abs: string, rel: string, info: BigIntStats): AsyncGenerator<Buffer> {
    if (!info.isFile() && !info.isDirectory()) {
      const kind = info.isSymbolicLink() ? 'a symbolic link' : 'not a regular file or directory';
      throw distError('DIST_UNSUPPORTED_FILE', `${abs} is ${kind}; a plugin tarball holds only files and directories`, {
        hint: 'Helm cannot install tarballs with links or special files: replace the link by a copy, or remove it',
        details: { path: abs },
      });
    }
    // filepath.Join(<name>, rel): the root directory is `<name>`, directories have no trailing slash.
    const name = rel === '' ? baseName : path.posix.join(baseName, rel);
    yield encodeHeader(headerFor(name, info));
    if (info.isFile()) {
      let written = 0n;
      for await (const chunk of createReadStream(abs)) {
        const buf = chunk as Buffer;
        written += BigInt(buf.length);
        if (written > info.size) throw distError('DIST_READ_FAILED', `${abs} grew while it was being packaged`);
        yield buf;
      }
      if (written !== info.size) throw distError('DIST_READ_FAILED', `${abs} shrank while it was being packaged`);
      yield bodyPadding(Number(info.size));
      return;
    }
    const names = (await readdir(abs)).sort(compareBytes);
    for (const entry of names) {
      const childAbs = path.join(abs, entry);
      yield* walk(childAbs, rel === '' ? entry : `${rel}/${entry}`, await lstat(childAbs, { bigint: true }));
    }
  }
  // The root is followed if it is a symbolic link (Helm would write the link itself, an unusable tarball).
  yield* walk(sourceDir, '', await stat(sourceDir, { bigint: true }));
  yield END_OF_ARCHIVE;
}

/** Go's gzip header has OS byte 255 ("unknown"); zlib writes the host's. Everything else is the same. */
function goGzipHeader(): Transform {
  let head: Buffer | undefined = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (head === undefined) return done(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < 10) return done();
      head[9] = 0xff;
      const out = head;
      head = undefined;
      done(null, out);
    },
    flush(done) {
      done(null, head !== undefined && head.length > 0 ? head : null);
    },
  });
}

/**
 * Helm's CreatePluginTarball: a gzip'd tar of everything in `sourceDir` (hidden files and `.git` included), each
 * entry named `<pluginName>/<relative path>`, the first being the directory `<pluginName>` itself; mode, mtime,
 * uid/gid and owner names preserved. Links and special files are refused (DIST_UNSUPPORTED_FILE).
 */
export async function createPluginTarball(sourceDir: string, pluginName: string, out: Writable): Promise<void> {
  await pipeline(tarChunks(sourceDir, pluginName), createGzip(), goGzipHeader(), out);
}
