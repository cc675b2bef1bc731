import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineHelm4Project } from '../vitest.shared.js';

const examplesDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * An example's test project: the shared settings, plus a build of plugin.wasm when it is stale. Its root is
 * `examples/` (tests included from `<example>/`), so that `vitest run examples` selects the examples' tests:
 * vitest matches a path filter against test files relative to each project's root.
 */
export function defineExampleProject(configUrl: string) {
  const example = basename(fileURLToPath(new URL('.', configUrl)));
  const project = defineHelm4Project(configUrl, { testTimeout: 30_000 });
  return {
    ...project,
    test: {
      ...project.test,
      name: `examples/${example}`,
      root: examplesDir,
      include: [`${example}/**/*.test.ts`],
      exclude: ['**/node_modules/**'],
      globalSetup: [fileURLToPath(new URL('./build-if-stale.mjs', import.meta.url))],
    },
  };
}
