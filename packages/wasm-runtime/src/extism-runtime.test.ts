import { describe, expect, it } from 'vitest';
import { pluginDirs } from '../test/plugins.js';
import { TYPES } from '../test/support.js';
import { constantGuest, echoGuest } from '../test/wasm/guests.js';
import { createExtismRuntime } from './extism-runtime.js';

const dirs = pluginDirs();

describe('createExtismRuntime', () => {
  it('runs a postrenderer with the manifests as a string', async () => {
    const runtime = createExtismRuntime({ types: TYPES });
    const p = await runtime.createPlugin(dirs.plugin({ type: 'postrenderer/v1', wasm: echoGuest() }));
    const out = await p.invoke({ message: { manifests: 'a: b\n', extraArgs: ['x'] } });
    expect(out.message).toEqual({ manifests: 'a: b\n' });
  });

  it('runs a cli plugin whose output is JSON', async () => {
    const runtime = createExtismRuntime({ types: TYPES });
    const p = await runtime.createPlugin(dirs.plugin({ wasm: constantGuest('{}') }));
    expect((await p.invoke({ message: { extraArgs: [] } })).message).toEqual({});
  });
});
