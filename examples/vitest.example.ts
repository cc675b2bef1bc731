import { fileURLToPath } from 'node:url';
import { defineHelm4Project } from '../vitest.shared.js';

/** An example's test project: the shared settings, plus a build of plugin.wasm when it is stale. */
export function defineExampleProject(configUrl: string) {
  const project = defineHelm4Project(configUrl, { testTimeout: 30_000 });
  return {
    ...project,
    test: { ...project.test, globalSetup: [fileURLToPath(new URL('./build-if-stale.mjs', import.meta.url))] },
  };
}
