import type { LoadedPlugin } from '@helm4/manifest';
import type { PluginInstance } from '../runtime.js';
import type { RuntimeContractOptions } from './fixtures.js';

/** What each group of cases gets: the options, and a way to instantiate a fixture with a fresh runtime. */
export interface ContractContext {
  options: RuntimeContractOptions;
  instantiate(plugin: LoadedPlugin): Promise<PluginInstance>;
}

export function contractContext(options: RuntimeContractOptions): ContractContext {
  return {
    options,
    instantiate: (plugin) => options.createRuntime().createPlugin(plugin),
  };
}

/** A fixture the options declare optional but a case needs. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new Error(`runtime contract: fixture ${what} is required unless its capability is skipped`);
  return value;
}
