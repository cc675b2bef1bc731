import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { importGraph } from '../../../test-support/import-graph.js';

const src = dirname(fileURLToPath(import.meta.url));

it('helm <plugin> statically imports only light modules: no oclif, yaml, zod or plugin.yaml parser', () => {
  // The modules of this app and the packages that `helm <plugin>` loads before the runtime is imported.
  const { files: all, packages } = importGraph([join(src, 'main.ts'), join(src, 'plugin-dispatch.ts')]);
  const files = all.map((f) => f.slice(src.length + 1));
  expect([...packages].filter((p) => !p.startsWith('node:')).sort()).toEqual([
    '@helm4/errors',
    '@helm4/manifest/loader',
    '@helm4/plugin-type-cli/commands',
    '@helm4/plugin-type-cli/host',
    // Light (each package's runtime.imports.test.ts), as is @helm4/runtime (legacy-runtime's).
    '@helm4/plugin-type-cli/runtime',
    '@helm4/plugin-type-getter/runtime',
    '@helm4/plugin-type-postrenderer/runtime',
    '@helm4/settings',
  ]);
  expect(files.filter((f) => /^(commands|completion)\/|help\.ts$/.test(f))).toEqual([]);
});
