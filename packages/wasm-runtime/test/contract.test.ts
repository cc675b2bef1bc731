import { readFileSync } from 'node:fs';
import { describeRuntimeContract } from '@helm4/runtime/contract';
import { createExtismRuntime } from '../src/extism-runtime.js';
import { pluginDirs } from './plugins.js';
import { TYPES } from './support.js';

// One AssemblyScript module (fixtures/contract/contract.ts) with an export per fixture plugin.
const wasm = readFileSync(new URL('./fixtures/contract/contract.wasm', import.meta.url));
const dirs = pluginDirs();
const fixture = (name: string, type: string, entry: string) =>
  dirs.plugin({ name, type, wasm, runtimeConfig: { entryFuncName: entry, timeout: 20_000 } });

const fixtures = {
  cliEcho: fixture('cli-echo', 'cli/v1', 'cli_echo'),
  cliExit: fixture('cli-exit', 'cli/v1', 'cli_exit'),
  cliCat: fixture('cli-cat', 'cli/v1', 'cli_cat'),
  getter: fixture('getter', 'getter/v1', 'getter'),
  postrenderer: fixture('postrenderer', 'postrenderer/v1', 'postrenderer'),
  broken: { plugin: dirs.plugin({ name: 'no-wasm' }), code: 'RUNTIME_WASM_MISSING' },
};

describeRuntimeContract({
  name: 'extism/v1',
  createRuntime: () => createExtismRuntime({ types: TYPES }),
  fixtures,
  // Helm runs no lifecycle hooks for Wasm plugins.
  skip: { hooks: true },
});

// The same cases with calls run on the calling thread where they can (the module reads stdin: a call given stdin
// runs in a worker).
describeRuntimeContract({
  name: 'extism/v1, on the calling thread',
  createRuntime: () => createExtismRuntime({ types: TYPES, runOnCallingThread: true }),
  fixtures,
  skip: { hooks: true },
});
