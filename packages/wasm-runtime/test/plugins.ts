import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedPlugin } from '@helm4/manifest';
import { afterAll } from 'vitest';

/** Plugin directories in a temp dir removed after the test file. */
export function pluginDirs(): {
  plugin(options: {
    name?: string;
    type?: string;
    runtimeConfig?: Record<string, unknown>;
    wasm?: Uint8Array;
  }): LoadedPlugin;
  root: string;
} {
  const root = mkdtempSync(join(tmpdir(), 'helm4-wasm-test-'));
  let n = 0;
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    root,
    plugin({ name = `p${++n}`, type = 'cli/v1', runtimeConfig = {}, wasm }) {
      const dir = join(root, `${name}-${n}`);
      mkdirSync(dir, { recursive: true });
      if (wasm !== undefined) writeFileSync(join(dir, 'plugin.wasm'), wasm);
      return {
        dir,
        metadata: {
          apiVersion: 'v1',
          name,
          type,
          runtime: 'extism/v1',
          version: '0.1.0',
          sourceURL: '',
          config: {},
          runtimeConfig,
        },
      };
    },
  };
}
