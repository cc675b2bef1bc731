import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './support.js';

// `pnpm bench` is not run by CI; this keeps its plugin list half working (one run of each figure, no timing asserted).
it('the plugin list benchmark runs and reports every figure', () => {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/bench.mjs')], {
    env: { ...process.env, BENCH_RUNS: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  for (const figure of [
    'node -e 0 (baseline)',
    'helm plugin list, 200 plugins',
    'no index cache (cold)',
    'through oclif',
  ]) {
    expect(r.stdout).toMatch(new RegExp(`${figure.replace(/[()]/g, '\\$&')}.*\\d+\\.\\d+x`));
  }
}, 150_000);
