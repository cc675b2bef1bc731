// Vitest globalSetup of the examples: rebuilds plugin.wasm when it is missing or older than its sources, so the
// tests run the code in the repository even without a prior `pnpm build`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPlugin } from './build-wasm.mjs';

const shared = new URL('./shared/', import.meta.url);

function newestSource(dirs) {
  let newest = 0;
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) {
        newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
      }
    }
  }
  return newest;
}

export async function buildIfStale(root) {
  const wasm = join(root, 'plugin.wasm');
  let built = 0;
  try {
    built = statSync(wasm).mtimeMs;
  } catch {}
  if (built < newestSource([join(root, 'src'), shared.pathname])) {
    await buildPlugin('src/plugin.ts', 'plugin.wasm', root);
  }
}

export default async function setup(project) {
  // The project is named examples/<example> (vitest.example.ts).
  const example = project.config.name.split('/').pop();
  await buildIfStale(new URL(`./${example}/`, import.meta.url).pathname);
}
