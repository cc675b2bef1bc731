#!/usr/bin/env node
// Builds an example plugin's AssemblyScript source to the plugin.wasm beside its plugin.yaml:
//   node ../build-wasm.mjs                       (from an example dir: src/plugin.ts → plugin.wasm)
//   node build-wasm.mjs <entry.ts> <out.wasm>    (any AssemblyScript plugin, e.g. test fixtures)
// The entry file must define `function abort(...)` (see shared/host.ts abortHandler): AssemblyScript's default
// abort is an `env.abort` import, which Extism hosts do not provide.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const examples = dirname(fileURLToPath(import.meta.url));

/** Compiles `entry` (a .ts path) to `outFile` with asc from an example's devDependencies; paths from `base`. */
export async function buildPlugin(entry, outFile, base = process.cwd()) {
  const require = createRequire(resolve(examples, 'cli-hello/package.json'));
  // assemblyscript/asc is import-only; locate the package through its package.json.
  const root = dirname(require.resolve('assemblyscript/package.json'));
  const asc = await import(pathToFileURL(resolve(root, 'dist/asc.js')).href);
  const entryRel = relative(base, resolve(base, entry));
  const abort = `${entryRel.replace(/\\/g, '/').replace(/\.ts$/, '')}/abort`;
  mkdirSync(dirname(resolve(base, outFile)), { recursive: true });
  const stderr = asc.createMemoryStream();
  const { error } = await asc.main(
    [
      entryRel,
      '--baseDir',
      base,
      // @extism/as-pdk from the examples' devDependencies, wherever the entry lives.
      '--path',
      resolve(examples, 'cli-hello/node_modules'),
      '--outFile',
      relative(base, resolve(base, outFile)),
      '--use',
      `abort=${abort}`,
      '--runtime',
      'stub',
      '--optimize',
      '-O3',
    ],
    { stdout: asc.createMemoryStream(), stderr },
  );
  if (error) throw new Error(`asc ${entryRel} failed: ${error.message}\n${stderr.toString()}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry = 'src/plugin.ts', outFile = 'plugin.wasm'] = process.argv.slice(2);
  await buildPlugin(entry, outFile);
  process.stdout.write(`built ${outFile}\n`);
}
