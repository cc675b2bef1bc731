import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Tests resolve sibling @helm4/* packages to their TypeScript sources, so no build is needed.
const conditions = ['@helm4/source', 'node', 'import', 'module', 'default'];

export function defineHelm4Project(configUrl: string, extra: { testTimeout?: number } = {}) {
  const root = fileURLToPath(new URL('.', configUrl));
  const name = root.split('/').filter(Boolean).slice(-2).join('/');
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    test: {
      name,
      root,
      environment: 'node',
      setupFiles: [fileURLToPath(new URL('./test-support/fail-on-console.ts', import.meta.url))],
      testTimeout: extra.testTimeout ?? 20_000,
    },
  });
}
