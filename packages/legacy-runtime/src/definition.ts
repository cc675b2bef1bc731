import type { RuntimeDefinition } from '@helm4/manifest';
import { parseSubprocessRuntimeConfig } from './runtime-config.js';

/** The `subprocess` runtime: Helm 3 plugins and v1 `runtime: subprocess` plugins, run as child processes. */
export const subprocessRuntime: RuntimeDefinition = {
  name: 'subprocess',
  parseRuntimeConfig: parseSubprocessRuntimeConfig,
};
