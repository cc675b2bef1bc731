import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { importGraph } from '../../../test-support/import-graph.js';

const src = dirname(fileURLToPath(import.meta.url));
const packages = join(src, '..', '..');
/** Workspace packages whose own eager graph is followed (their entries resolve to sources under test). */
const workspace: Record<string, string> = {
  '@helm4/errors': join(packages, 'errors', 'src', 'index.ts'),
  '@helm4/settings': join(packages, 'settings', 'src', 'index.ts'),
  '@helm4/manifest/loader': join(packages, 'manifest', 'src', 'loader.ts'),
};

it('importing @helm4/distribution loads no openpgp, tar, yaml or zod (plugin list start-up)', () => {
  const { packages: eager, files } = importGraph(join(src, 'index.ts'), { workspace });
  expect([...eager].filter((p) => !p.startsWith('node:'))).toEqual([]);
  const local = [...files].filter((f) => f.startsWith(src)).map((f) => f.slice(src.length + 1));
  // Only the install layout and records of install/ (fs only) are eager: plugin list reads who signed each plugin
  // from its record; the staging recovery (put back what a killed update left) is imported only when needed.
  const heavy = local.filter((f) => /^(package|sign|verify|install|oci|http|git|tarball|update|uninstall)\//.test(f));
  expect(heavy.sort()).toEqual(['install/layout.ts', 'install/source-record.ts']);
});

it('the scan follows the eager graph (list and the lazy wrappers are in it)', () => {
  const { files } = importGraph(join(src, 'index.ts'), { workspace });
  const local = [...files].filter((f) => f.startsWith(src)).map((f) => f.slice(src.length + 1));
  expect(local).toEqual(expect.arrayContaining(['lazy.ts', 'list/list-plugins.ts', 'codes.ts']));
  expect(readFileSync(join(src, 'tarball', 'read-tarball.ts'), 'utf8')).toContain("import('tar')");
});
