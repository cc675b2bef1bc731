import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const bench = fileURLToPath(new URL('../bench/wasm-bench.mjs', import.meta.url));

// `pnpm bench` is not run by CI; this keeps its Wasm half working (one run of each figure, no timing asserted).
it('the Wasm benchmark runs and reports every figure', () => {
  const r = spawnSync(process.execPath, [bench, '--json'], {
    env: { ...process.env, BENCH_RUNS: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
  for (const [figure, field] of [
    ['cli', 'ratio'],
    ['warmCall', 'ms'],
    ['postRender', 'mbPerS'],
    ['peakRss', 'ratio'],
  ] as const) {
    expect(report[figure]?.[field], figure).toEqual(expect.any(Number));
    expect(report[figure]?.[field] as number, figure).toBeGreaterThan(0);
  }
}, 150_000);
