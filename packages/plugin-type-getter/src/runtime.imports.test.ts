import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { importGraph } from '../../../test-support/import-graph.js';

const src = dirname(fileURLToPath(import.meta.url));

it('the runtime binding imports no zod, yaml or manifest parser (it is on the CLI start-up path)', () => {
  const packages = [...importGraph(join(src, 'runtime.ts')).packages].filter((p) => !p.startsWith('node:'));
  expect(packages.sort()).toEqual(['@helm4/errors', '@helm4/runtime']);
});
