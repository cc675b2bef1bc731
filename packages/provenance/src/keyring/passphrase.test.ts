import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { PASSWORD_KEY_UID, tempDir, testdata } from '../../test/support.js';
import { readKeyring } from './keyring.js';
import { decryptSigningKey, readPassphraseFile } from './passphrase.js';

const keyOf = async (name: string) => (await readKeyring(readFileSync(testdata(name)))).keys[0]!;

describe('decryptSigningKey', () => {
  it('unlocks helm-password-key with `secret`, leaving the keyring copy locked', async () => {
    const locked = await keyOf('helm-password-key.secret');
    const open = await decryptSigningKey(locked, 'secret');
    expect(open.encrypted).toBe(false);
    expect(open.fingerprint).toBe(locked.fingerprint);
    expect(locked.encrypted).toBe(true);
  });

  it('asks a callback, with the key user id, like Helm PassphraseFetcher', async () => {
    const fetch = vi.fn(async () => 'secret');
    const open = await decryptSigningKey(await keyOf('helm-password-key.secret'), fetch);
    expect(open.encrypted).toBe(false);
    expect(fetch).toHaveBeenCalledWith(PASSWORD_KEY_UID);
  });

  it('fails with PROVENANCE_BAD_PASSPHRASE on a wrong passphrase', async () => {
    await expect(decryptSigningKey(await keyOf('helm-password-key.secret'), 'wrong')).rejects.toMatchObject({
      code: 'PROVENANCE_BAD_PASSPHRASE',
    });
  });

  it('needs a passphrase source for an encrypted key', async () => {
    await expect(decryptSigningKey(await keyOf('helm-password-key.secret'))).rejects.toMatchObject({
      code: 'PROVENANCE_PASSPHRASE_REQUIRED',
    });
  });

  it('does not ask for an unencrypted key', async () => {
    const key = await keyOf('helm-test-key.secret');
    const fetch = vi.fn(async () => 'unused');
    expect(await decryptSigningKey(key, fetch)).toBe(key);
    expect(await decryptSigningKey(key)).toBe(key);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a public key: PROVENANCE_KEY_NOT_SECRET', async () => {
    await expect(decryptSigningKey(await keyOf('helm-test-key.pub'), 'x')).rejects.toMatchObject({
      code: 'PROVENANCE_KEY_NOT_SECRET',
    });
  });

  it('wraps a failing callback as PROVENANCE_PASSPHRASE_READ_FAILED', async () => {
    const fetch = async () => {
      throw new Error('no tty');
    };
    await expect(decryptSigningKey(await keyOf('helm-password-key.secret'), fetch)).rejects.toMatchObject({
      code: 'PROVENANCE_PASSPHRASE_READ_FAILED',
    });
  });
});

describe('readPassphraseFile', () => {
  it('reads a file without its trailing line breaks', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p'), 'se cret \r\n\n');
    expect(await readPassphraseFile(join(dir, 'p'))).toBe('se cret ');
  });

  it('keeps inner line breaks and other trailing characters', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p'), 'a\nb\t');
    expect(await readPassphraseFile(join(dir, 'p'))).toBe('a\nb\t');
  });

  it('reads stdin for `-`', async () => {
    expect(await readPassphraseFile('-', Readable.from([Buffer.from('sec'), Buffer.from('ret\n')]))).toBe('secret');
  });

  it('refuses `-` when stdin is a terminal', async () => {
    const tty = Object.assign(Readable.from([]), { isTTY: true });
    await expect(readPassphraseFile('-', tty)).rejects.toMatchObject({ code: 'PROVENANCE_PASSPHRASE_READ_FAILED' });
  });

  it('fails with PROVENANCE_PASSPHRASE_READ_FAILED on a missing file', async () => {
    await expect(readPassphraseFile(join(tempDir(), 'missing'))).rejects.toMatchObject({
      code: 'PROVENANCE_PASSPHRASE_READ_FAILED',
    });
  });
});
