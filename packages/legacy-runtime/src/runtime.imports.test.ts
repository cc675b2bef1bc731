import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

/** Static value imports of a module (type-only imports are erased). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const re = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s+)?['"]([^'"]+)['"]/gm;
  return [...text.matchAll(re)].map((m) => m[1] ?? '');
}

/** The packages `entry` loads eagerly, following local files. */
function eagerPackages(entry: string): Set<string> {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return packages;
}

it('the ./runtime entry loads neither zod nor the manifest package (helm <plugin> start-up time)', () => {
  const packages = [...eagerPackages(join(src, 'runtime.ts'))].filter((p) => !p.startsWith('node:'));
  expect(packages.sort()).toEqual(['@helm4/errors']);
});

it('the import scan sees zod behind the main entry', () => {
  expect([...eagerPackages(join(src, 'index.ts'))]).toEqual(expect.arrayContaining(['zod', '@helm4/manifest']));
});
