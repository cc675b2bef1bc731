/* Test-only helpers: Helm's fixtures (read-only, in ../shared next to the repo) and scratch plugin dirs. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

/** A path in Helm's fixtures, e.g. `internal/plugin/testdata/plugdir/good`. */
export function helmFixture(path: string): string {
  return join(repoRoot(), '..', 'shared', 'fixtures', 'helm', path);
}

const scratch: string[] = [];
afterEach(() => {
  for (const path of scratch.splice(0)) rmSync(path, { recursive: true, force: true });
});

/** A scratch directory, removed after the current test. */
export function tempDir(): string {
  const path = mkdtempSync(join(tmpdir(), 'helm4-manifest-'));
  scratch.push(path);
  return path;
}

/** Writes `<base>/<dir>/plugin.yaml`. */
export function writePlugin(base: string, dir: string, yaml: string): string {
  mkdirSync(join(base, dir), { recursive: true });
  writeFileSync(join(base, dir, 'plugin.yaml'), yaml);
  return join(base, dir);
}

export const v1Yaml = (name: string, type = 'cli/v1', extra = '') =>
  `apiVersion: v1\nname: ${name}\nversion: 0.1.0\ntype: ${type}\nruntime: subprocess\n${extra}`;
