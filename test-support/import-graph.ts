import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ImportGraphOptions {
  /** Package specifiers followed into their source entry (absolute `.ts` path) instead of being collected. */
  readonly workspace?: Readonly<Record<string, string>>;
}

/** Static value imports and re-exports of a module (type-only ones are erased, `import()` is lazy). */
export function staticImports(file: string): string[] {
  const re = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s+)?['"]([^'"]+)['"]/gm;
  return [...readFileSync(file, 'utf8').matchAll(re)].map((m) => m[1] ?? '');
}

/**
 * What `entries` load eagerly: every module reached through relative `.js` specifiers (as absolute `.ts` paths,
 * in visit order) and every package specifier met on the way (`node:` builtins included).
 */
export function importGraph(
  entries: string | readonly string[],
  opts: ImportGraphOptions = {},
): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      const local = spec.startsWith('.') ? join(dirname(file), spec.replace(/\.js$/, '.ts')) : opts.workspace?.[spec];
      if (local !== undefined) visit(local);
      else packages.add(spec);
    }
  };
  for (const entry of typeof entries === 'string' ? [entries] : entries) visit(entry);
  return { files: [...files], packages };
}
