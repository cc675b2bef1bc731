/*
 * Running the examples, unchanged, in the real Helm 4 binary (fetched by `node scripts/fetch-real-helm.mjs`, which
 * `pnpm test` runs first). Test-only helpers; not part of any package.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const realHelm = join(repoRoot, '.tmp/real-helm/helm');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A temp Helm home whose plugins directory holds copies of the named examples (plugin.yaml + plugin.wasm only,
 * as an installed plugin would be).
 */
export function helmHomeWith(examples: string[]): {
  root: string;
  env: Record<string, string>;
  [Symbol.dispose](): void;
} {
  const root = mkdtempSync(join(tmpdir(), 'helm4-interop-'));
  const plugins = join(root, 'plugins');
  for (const name of examples) {
    const dir = join(plugins, name);
    mkdirSync(dir, { recursive: true });
    for (const file of ['plugin.yaml', 'plugin.wasm']) {
      copyFileSync(join(repoRoot, 'examples', name, file), join(dir, file));
    }
  }
  const env = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: root,
    HELM_PLUGINS: plugins,
    HELM_DATA_HOME: join(root, 'data'),
    HELM_CACHE_HOME: join(root, 'cache'),
    HELM_CONFIG_HOME: join(root, 'config'),
  };
  return { root, env, [Symbol.dispose]: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs the real Helm 4 without blocking the event loop (tests serve HTTP from the test process). */
export function runRealHelm(args: string[], env: Record<string, string>): Promise<RunResult> {
  if (!existsSync(realHelm)) {
    throw new Error(`real Helm missing at ${realHelm}: run node scripts/fetch-real-helm.mjs (pnpm test does)`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(realHelm, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end();
  });
}

/** Our `helm` (apps/helm, built: `pnpm build`), without blocking the event loop; `input` goes to its stdin. */
export function runOurHelm(args: string[], env: Record<string, string>, input = ''): Promise<RunResult> {
  const bin = join(repoRoot, 'apps/helm/bin/run.js');
  if (!existsSync(join(repoRoot, 'apps/helm/dist/main.js'))) {
    throw new Error('apps/helm is not built: run pnpm build (pnpm test does)');
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}
