import { cpSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { helmFixture, tempDir } from './testing/fixtures.js';
import { testRegistry } from './testing/test-registry.js';

const state = { parserLoads: 0 };

it('a cache-hit run does not load the parse module', async () => {
  const root = tempDir();
  const base = join(root, 'plugins');
  cpSync(helmFixture('pkg/cmd/testdata/helmhome/helm/plugins'), base, { recursive: true });
  const past = new Date(Date.now() - 60_000);
  for (const name of ['args', 'echo', 'exitwith', 'fullenv', 'noversion', 'postrenderer-v1', 'shortenv']) {
    utimesSync(join(base, name, 'plugin.yaml'), past, past);
  }
  const opts = { registry: async () => testRegistry(), registryFingerprint: 'fp', cacheFile: join(root, 'index.json') };
  const run = async () => {
    // A fresh process, as far as module loading goes; the mock factory runs when the parse module is loaded.
    vi.resetModules();
    vi.doMock('./load/inspect.js', async (importOriginal) => {
      state.parserLoads++;
      return importOriginal();
    });
    const loader = await import('./loader.js');
    return loader.findPlugins([base], { type: 'cli/v1' }, opts);
  };

  const cold = await run();
  expect(state.parserLoads).toBe(1);
  expect(cold.plugins).toHaveLength(5);
  expect(cold.quarantined.map((q) => q.name)).toEqual(['noversion']);

  expect(await run()).toEqual(cold);
  expect(state.parserLoads).toBe(1);

  writeFileSync(join(base, 'echo', 'plugin.yaml'), 'apiVersion: v1\nname: echo\ntype: cli/v1\n');
  expect((await run()).quarantined.map((q) => q.dir)).toEqual([join(base, 'echo'), join(base, 'noversion')]);
  expect(state.parserLoads).toBe(2);
});
