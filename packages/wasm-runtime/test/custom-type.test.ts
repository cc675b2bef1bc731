import type { PluginTypeBinding } from '@helm4/runtime';
import { describe, expect, it } from 'vitest';
import { createExtismRuntime } from '../src/extism-runtime.js';
import { pluginDirs } from './plugins.js';
import { rejectsWithCode } from './support.js';
import { echoGuest } from './wasm/guests.js';

/** A plugin type of the test's own: its binding is all the runtime needs to run it. */
const countBinding: PluginTypeBinding<{ items: string[] }> = {
  type: 'test/v1',
  readInput: (message, issues) => {
    const items = message['items'];
    if (!Array.isArray(items)) issues.push({ path: ['items'], message: 'expected a list' });
    return { items: Array.isArray(items) ? items.map(String) : [] };
  },
  wasm: {
    output: (json) =>
      json !== null && typeof json === 'object' && Array.isArray((json as { items?: unknown }).items)
        ? { message: { count: (json as { items: unknown[] }).items.length } }
        : { invalid: 'expected {"items": [...]}' },
  },
};

const dirs = pluginDirs();

describe('a plugin type the runtime does not know', () => {
  for (const runOnCallingThread of [false, true]) {
    it(`runs with the binding the host gives (${runOnCallingThread ? 'calling thread' : 'worker'})`, async () => {
      const runtime = createExtismRuntime({ types: [countBinding], runOnCallingThread });
      const plugin = await runtime.createPlugin(dirs.plugin({ type: 'test/v1', wasm: echoGuest() }));
      expect((await plugin.invoke({ message: { items: ['a', 'b', 'c'] } })).message).toEqual({ count: 3 });
      await rejectsWithCode(plugin.invoke({ message: { items: 'a' } }), 'RUNTIME_INVALID_MESSAGE');
    });
  }

  it('is RUNTIME_UNSUPPORTED_TYPE without it', async () => {
    const plugin = await createExtismRuntime().createPlugin(dirs.plugin({ type: 'test/v1', wasm: echoGuest() }));
    await rejectsWithCode(plugin.invoke({ message: { items: [] } }), 'RUNTIME_UNSUPPORTED_TYPE');
  });
});
