import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));
const workspace: Record<string, string> = { '@helm4/errors': join(src, '..', '..', 'errors', 'src', 'index.ts') };

/** Static value imports of a module (type-only imports and `import()` are erased or lazy). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const re = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s+)?['"]([^'"]+)['"]/gm;
  return [...text.matchAll(re)].map((m) => m[1] ?? '');
}

/** Every module `entry` loads eagerly: local files and packages. */
function eagerGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      else if (workspace[spec] !== undefined) visit(workspace[spec]);
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

it('the loader entry does not statically import yaml, zod or the parser (CLI start-up time)', () => {
  const { files, packages } = eagerGraph(join(src, 'loader.ts'));
  expect([...packages].filter((p) => !p.startsWith('node:'))).toEqual([]);
  const local = [...files].map((f) => f.slice(src.length + 1));
  expect(local.filter((f) => /^(parse|decode)\/|inspect\.ts$/.test(f))).toEqual([]);
  expect(local).toContain('loader/cached-source.ts');
});

it('the import scan sees the parser behind the main entry', () => {
  const { packages } = eagerGraph(join(src, 'index.ts'));
  expect([...packages]).toEqual(expect.arrayContaining(['yaml', 'zod']));
});
