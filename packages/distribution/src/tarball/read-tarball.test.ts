import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawTgz, tempDir } from '../../test/support.js';
import { extractTarball, readTarballManifest, safeEntryPath } from './read-tarball.js';

function archive(entries: Parameters<typeof rawTgz>[0]): string {
  const file = path.join(tempDir(), 'a.tgz');
  writeFileSync(file, rawTgz(entries));
  return file;
}

describe('extractTarball', () => {
  it('unpacks files and directories, keeping permission bits but not setuid', async () => {
    const file = archive([
      { name: 'p', type: '5', mode: 0o755 },
      { name: 'p/plugin.yaml', body: 'name: p\n' },
      { name: 'p/run.sh', body: '#!/bin/sh\n', mode: 0o4755 },
      { name: 'p/a/b/c.txt', body: 'deep' },
    ]);
    const out = path.join(tempDir(), 'out');
    await extractTarball(file, out);
    expect(readFileSync(path.join(out, 'p', 'plugin.yaml'), 'utf8')).toBe('name: p\n');
    expect(statSync(path.join(out, 'p', 'run.sh')).mode & 0o7777).toBe(0o755);
    expect(readFileSync(path.join(out, 'p', 'a', 'b', 'c.txt'), 'utf8')).toBe('deep');
  });

  it.each([
    ['a `..` component', { name: 'p/../../escape.txt', body: 'x' }, 'DIST_TAR_UNSAFE_PATH'],
    ['an absolute path', { name: '/tmp/escape.txt', body: 'x' }, 'DIST_TAR_UNSAFE_PATH'],
    ['a colon', { name: 'c:/escape.txt', body: 'x' }, 'DIST_TAR_UNSAFE_PATH'],
    ['a backslash `..`', { name: 'p\\..\\..\\escape.txt', body: 'x' }, 'DIST_TAR_UNSAFE_PATH'],
    ['a symlink out', { name: 'p/link', type: '2', linkname: '/etc/passwd' }, 'DIST_TAR_LINK'],
    ['a symlink in', { name: 'p/link', type: '2', linkname: 'plugin.yaml' }, 'DIST_TAR_LINK'],
    ['a hard link', { name: 'p/hard', type: '1', linkname: '../../etc/passwd' }, 'DIST_TAR_LINK'],
    ['a character device', { name: 'p/dev', type: '3' }, 'DIST_TAR_UNSUPPORTED_ENTRY'],
    ['a fifo', { name: 'p/fifo', type: '6' }, 'DIST_TAR_UNSUPPORTED_ENTRY'],
  ])('refuses %s', async (_what, entry, code) => {
    const file = archive([{ name: 'p/plugin.yaml', body: 'name: p\n' }, entry]);
    const root = tempDir();
    const out = path.join(root, 'deep', 'out');
    await expect(extractTarball(file, out)).rejects.toMatchObject({ code });
    expect(existsSync(path.join(root, 'escape.txt'))).toBe(false);
    expect(existsSync(path.join(root, 'deep', 'escape.txt'))).toBe(false);
  });

  it('refuses archives over the size or entry cap', async () => {
    const big = archive([{ name: 'p/big', body: Buffer.alloc(4096) }]);
    await expect(extractTarball(big, path.join(tempDir(), 'o'), { maxBytes: 4095 })).rejects.toMatchObject({
      code: 'DIST_TAR_TOO_LARGE',
    });
    const many = archive(Array.from({ length: 11 }, (_, i) => ({ name: `p/f${i}`, body: 'x' })));
    await expect(extractTarball(many, path.join(tempDir(), 'o'), { maxEntries: 10 })).rejects.toMatchObject({
      code: 'DIST_TAR_TOO_MANY_ENTRIES',
    });
  });

  it('a declared size larger than the data is a corrupt archive', async () => {
    const file = archive([{ name: 'p/x', body: 'abc', size: 100_000 }]);
    await expect(extractTarball(file, path.join(tempDir(), 'o'))).rejects.toMatchObject({ code: 'DIST_TAR_INVALID' });
  });

  it('not gzip, or gzip of something else, is DIST_TAR_INVALID', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'junk.tgz'), 'not an archive at all');
    await expect(extractTarball(path.join(dir, 'junk.tgz'), path.join(dir, 'o'))).rejects.toMatchObject({
      code: 'DIST_TAR_INVALID',
    });
    expect(readdirSync(path.join(dir, 'o'))).toEqual([]);
  });
});

describe('readTarballManifest', () => {
  it('returns the first plugin.yaml, at any depth', async () => {
    const file = archive([
      { name: 'p', type: '5' },
      { name: 'p/sub/plugin.yaml', body: 'first' },
      { name: 'p/plugin.yaml', body: 'second' },
    ]);
    expect(await readTarballManifest(file)).toEqual({ text: 'first', path: 'p/sub/plugin.yaml' });
    expect(await readTarballManifest(archive([{ name: 'p/x', body: '' }]))).toBeUndefined();
  });
});

describe('safeEntryPath', () => {
  it('normalises harmless names', () => {
    expect(safeEntryPath('p/./a//b/')).toBe('p/a/b');
    expect(safeEntryPath('./')).toBe('');
  });
});
