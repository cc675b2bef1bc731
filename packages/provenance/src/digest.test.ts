import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testdata } from '../test/support.js';
import { digestFile, provenanceDigest } from './digest.js';

describe('provenanceDigest / digestFile', () => {
  it('give the lowercase hex SHA-256 Helm lists (hashtest.sha256)', async () => {
    const expected = 'c6841b3a895f1444a6738b5d04564a57e860ce42f8519c3be807fb6d9bee7888';
    expect(await digestFile(testdata('hashtest-1.2.3.tgz'))).toBe(expected);
    expect(provenanceDigest(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes a large file as a stream', async () => {
    const path = join(tempDir(), 'big.tgz');
    const chunk = Buffer.alloc(1 << 20, 0x61);
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(path);
      out.on('error', reject);
      for (let i = 0; i < 64; i++) out.write(chunk);
      out.end(resolve);
    });
    // sha256 of 64 MiB of "a"
    expect(await digestFile(path)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails with PROVENANCE_TARBALL_READ_FAILED on an unreadable path', async () => {
    await expect(digestFile(join(tempDir(), 'missing.tgz'))).rejects.toMatchObject({
      code: 'PROVENANCE_TARBALL_READ_FAILED',
    });
  });
});
