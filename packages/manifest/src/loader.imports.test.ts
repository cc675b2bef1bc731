import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { importGraph } from '../../../test-support/import-graph.js';

const src = dirname(fileURLToPath(import.meta.url));
const workspace: Record<string, string> = { '@helm4/errors': join(src, '..', '..', 'errors', 'src', 'index.ts') };

it('the loader entry does not statically import yaml, zod or the parser (CLI start-up time)', () => {
  const { files, packages } = importGraph(join(src, 'loader.ts'), { workspace });
  expect([...packages].filter((p) => !p.startsWith('node:'))).toEqual([]);
  const local = [...files].map((f) => f.slice(src.length + 1));
  expect(local.filter((f) => /^(parse|decode)\/|inspect\.ts$/.test(f))).toEqual([]);
  expect(local).toContain('loader/cached-source.ts');
});

it('the import scan sees the parser behind the main entry', () => {
  const { packages } = importGraph(join(src, 'index.ts'), { workspace });
  expect([...packages]).toEqual(expect.arrayContaining(['yaml', 'zod']));
});
