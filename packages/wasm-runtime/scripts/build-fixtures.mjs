#!/usr/bin/env node
// Rebuilds the committed Wasm test fixtures from their AssemblyScript sources with the examples' compiler:
//   node packages/wasm-runtime/scripts/build-fixtures.mjs
import { fileURLToPath } from 'node:url';
import { buildPlugin } from '../../../examples/build-wasm.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await buildPlugin(here('../assembly/contract.ts'), here('../test/fixtures/contract/contract.wasm'), here('../'));
process.stdout.write('built test/fixtures/contract/contract.wasm\n');
