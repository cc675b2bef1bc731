import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { importGraph } from '../../../test-support/import-graph.js';

const src = dirname(fileURLToPath(import.meta.url));

it('the ./runtime entry loads neither zod nor the manifest package (helm <plugin> start-up time)', () => {
  const packages = [...importGraph(join(src, 'runtime.ts')).packages].filter((p) => !p.startsWith('node:'));
  expect(packages.sort()).toEqual(['@helm4/errors', '@helm4/runtime']);
  // The Runtime interface and the type bindings' helpers.
  const runtimeRoot = join(src, '../../runtime/src/index.ts');
  expect([...importGraph(runtimeRoot).packages].filter((p) => !p.startsWith('node:'))).toEqual(['@helm4/errors']);
});

it('the import scan sees zod behind the main entry', () => {
  expect([...importGraph(join(src, 'index.ts')).packages]).toEqual(expect.arrayContaining(['zod', '@helm4/manifest']));
});
