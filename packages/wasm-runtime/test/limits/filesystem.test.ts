import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliMessage, guestFactory, rejectsWithCode } from '../support.js';
import { fsGuest } from '../wasm/guests.js';

const guest = guestFactory();
const tempRoot = mkdtempSync(join(tmpdir(), 'helm4-wasm-fs-'));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));
const withTemp = { runtimeConfig: { fileSystem: { createTempDir: true } }, runtime: { tempDir: tempRoot } };

const ERRNO_BADF = 8;

describe('runtimeConfig.fileSystem', () => {
  it('mounts a fresh temp dir at /tmp for the call and removes it afterwards', async () => {
    const plugin = await guest(fsGuest('greeting.txt', { write: 'Hello, Phippy!' }), withTemp);
    expect((await plugin.invoke(cliMessage())).message).toEqual({});
    expect((await plugin.invoke(cliMessage())).message).toEqual({});
    expect(readdirSync(tempRoot)).toEqual([]);
  });

  it('gives the guest no file system without createTempDir', async () => {
    const plugin = await guest(fsGuest('greeting.txt', { write: 'x' }));
    const err = await rejectsWithCode(plugin.invoke(cliMessage()), 'RUNTIME_EXIT');
    expect(err.details?.['exitCode']).toBe(ERRNO_BADF);
  });

  it.each([
    ['..', '../escape.txt'],
    ['a nested ..', 'sub/../../escape.txt'],
    ['an absolute path', '/etc/passwd'],
  ])('refuses %s', async (_what, path) => {
    const plugin = await guest(fsGuest(path, { write: 'x' }), withTemp);
    const err = await rejectsWithCode(plugin.invoke(cliMessage()), 'RUNTIME_EXIT');
    expect(err.details?.['exitCode']).not.toBe(0);
  });

  it('does not follow a symlink out of the sandbox', async () => {
    const plugin = await guest(fsGuest('link/passwd', { symlinkFrom: '/etc', followSymlinks: true }), withTemp);
    const err = await rejectsWithCode(plugin.invoke(cliMessage()), 'RUNTIME_EXIT');
    expect(err.details?.['exitCode']).not.toBe(0);
    const relative = await guest(
      fsGuest('up/escape.txt', { symlinkFrom: '..', followSymlinks: true, write: 'x' }),
      withTemp,
    );
    const err2 = await rejectsWithCode(relative.invoke(cliMessage()), 'RUNTIME_EXIT');
    expect(err2.details?.['exitCode']).not.toBe(0);
    expect(readdirSync(tempRoot)).toEqual([]);
  });
});
