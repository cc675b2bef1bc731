import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

/** Static value imports, plus `await import('./x.js')` of local modules (the paths main takes eagerly). */
function imports(file: string, followLocalDynamic: boolean): string[] {
  const text = readFileSync(file, 'utf8');
  const stat = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s+)?['"]([^'"]+)['"]/gm;
  const dynamic = /await import\('(\.[^']+)'\)/g;
  return [
    ...[...text.matchAll(stat)].map((m) => m[1] ?? ''),
    ...(followLocalDynamic ? [...text.matchAll(dynamic)].map((m) => m[1] ?? '') : []),
  ];
}

/** The modules of this app and the packages that `helm <plugin>` loads before the runtime is imported. */
function dispatchGraph(): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string, followLocalDynamic: boolean) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of imports(file, followLocalDynamic)) {
      if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')), false);
      else packages.add(spec);
    }
  };
  visit(join(src, 'main.ts'), false);
  visit(join(src, 'plugin-dispatch.ts'), false);
  return { files: [...files].map((f) => f.slice(src.length + 1)), packages };
}

it('helm <plugin> statically imports only light modules: no oclif, yaml, zod or plugin.yaml parser', () => {
  const { files, packages } = dispatchGraph();
  expect([...packages].filter((p) => !p.startsWith('node:')).sort()).toEqual([
    '@helm4/errors',
    '@helm4/manifest/loader',
    '@helm4/plugin-type-cli/commands',
    '@helm4/plugin-type-cli/host',
    '@helm4/settings',
  ]);
  expect(files.filter((f) => /^(commands|completion)\/|help\.ts$/.test(f))).toEqual([]);
});
