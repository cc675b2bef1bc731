import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { importGraph } from '../../../test-support/import-graph.js';

const src = dirname(fileURLToPath(import.meta.url));

it('the host entry imports no zod, yaml or manifest parser (it is on the CLI start-up path)', () => {
  const packages = [...importGraph(join(src, 'host.ts')).packages].filter((p) => !p.startsWith('node:'));
  expect(packages).toEqual(['@helm4/errors']);
});
