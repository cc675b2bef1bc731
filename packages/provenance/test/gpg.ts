import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './support.js';

/** Runs gpg against a throwaway home directory, never starting an agent. Output is captured, not printed. */
export function gpg(home: string, args: string[], input?: string | Uint8Array) {
  const result = spawnSync('gpg', ['--homedir', home, '--batch', '--no-tty', '--no-autostart', ...args], {
    encoding: 'buffer',
    ...(input === undefined ? {} : { input }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** A fresh GNUPGHOME (mode 0700), removed after the test. */
export function gpgHome(): string {
  const home = join(tempDir('helm4-gnupg-'), 'gnupg');
  mkdirSync(home, { mode: 0o700 });
  return home;
}
