import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const sharedFixtures = path.join(repoRoot, '../shared/fixtures/helm');
export const ourHelm = path.join(repoRoot, 'apps/helm/bin/run.js');
export const realHelm = path.join(repoRoot, '.tmp/real-helm/helm');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A temporary Helm home (data, cache, config) removed when disposed. */
export function tempHelmHome(): { root: string; env: Record<string, string>; [Symbol.dispose](): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'helm4-test-'));
  const env = {
    HELM_DATA_HOME: path.join(root, 'data'),
    HELM_CACHE_HOME: path.join(root, 'cache'),
    HELM_CONFIG_HOME: path.join(root, 'config'),
  };
  return { root, env, [Symbol.dispose]: () => rmSync(root, { recursive: true, force: true }) };
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], ...extra };
  return env;
}

export function runOurs(args: string[], env: Record<string, string>, input?: string): RunResult {
  if (!existsSync(path.join(repoRoot, 'apps/helm/dist/main.js'))) {
    throw new Error('apps/helm is not built: run the README test command (it builds first)');
  }
  const r = spawnSync(process.execPath, [ourHelm, ...args], { env: baseEnv(env), encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runReal(args: string[], env: Record<string, string>, input?: string): RunResult {
  if (!existsSync(realHelm)) {
    throw new Error(`real Helm missing at ${realHelm}: run node scripts/fetch-real-helm.mjs (the test command does)`);
  }
  const r = spawnSync(realHelm, args, { env: baseEnv(env), encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Helm's own plugin fixtures (../shared/fixtures/helm). */
export const helmFixtures = {
  /** TestLoadCLIPlugins / completion plugins (args, echo, exitwith, fullenv, noversion, postrenderer-v1, shortenv). */
  helmhome: path.join(sharedFixtures, 'pkg/cmd/testdata/helmhome/helm/plugins'),
  /** `fullenv` again, in a path with spaces. */
  space: path.join(sharedFixtures, 'pkg/cmd/testdata/helm home with space/helm/plugins'),
  postrenderers: path.join(sharedFixtures, 'pkg/postrenderer/testdata/plugins'),
  goldens: path.join(sharedFixtures, 'pkg/cmd/testdata/output'),
};

/** Real Helm's stderr without its slog WARN lines (Helm logs every plugin it cannot load on every run). */
export function withoutHelmWarnings(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => !l.startsWith('level=WARN'))
    .join('\n');
}

/** runOurs without blocking the event loop (for tests that serve HTTP from the test process). */
export function runOursAsync(args: string[], env: Record<string, string>, input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ourHelm, ...args], { env: baseEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
