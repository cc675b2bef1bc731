import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ourHelm, realHelm, repoRoot, sharedFixtures } from './support.js';

export const keys = {
  pub: path.join(sharedFixtures, 'pkg/cmd/testdata/helm-test-key.pub'),
  secret: path.join(sharedFixtures, 'pkg/cmd/testdata/helm-test-key.secret'),
};
export const FINGERPRINT = '5E615389B53CA37F0EE60BD3843BBF981FC18762';
export const goodPlugins = path.join(sharedFixtures, 'internal/plugin/testdata/plugdir/good');

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without blocking the event loop (HTTP and token servers of the test keep answering). */
export function spawnAsync(
  command: string,
  args: string[],
  env: Record<string, string>,
  options: { input?: string; onStderr?: (text: string, kill: () => void) => void } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      options.onStderr?.(stderr, () => child.kill('SIGKILL'));
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export function ours(args: string[], env: Record<string, string>, options?: Parameters<typeof spawnAsync>[3]) {
  if (!existsSync(path.join(repoRoot, 'apps/helm/dist/main.js'))) {
    throw new Error('apps/helm is not built: run the README test command (it builds first)');
  }
  return spawnAsync(process.execPath, [ourHelm, ...args], env, options);
}

export function real(args: string[], env: Record<string, string>) {
  if (!existsSync(realHelm)) {
    throw new Error(`real Helm missing at ${realHelm}: run node scripts/fetch-real-helm.mjs (the test command does)`);
  }
  return spawnAsync(realHelm, args, env);
}

/** Real Helm's stderr without its slog lines. */
export function helmErrors(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !l.startsWith('level='))
    .join('\n');
}
