import type { RuntimeDefinition } from '@helm4/manifest';
import { parseExtismRuntimeConfig } from './runtime-config.js';

/** The `extism/v1` runtime: plugins shipped as `plugin.wasm`, run sandboxed through Extism. */
export const extismRuntime: RuntimeDefinition = {
  name: 'extism/v1',
  parseRuntimeConfig: parseExtismRuntimeConfig,
};
