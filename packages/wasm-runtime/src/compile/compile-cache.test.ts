import { describe, expect, it } from 'vitest';
import { constantGuest } from '../../test/wasm/guests.js';
import { encodeName, encodeU32 } from '../wasm/leb128.js';
import { prepareModule } from './compile-cache.js';

const options = {
  plugin: 'p',
  maxPages: 16,
  entryFuncName: 'helm_plugin_main',
  wasi: true,
  hostFunctions: new Set<string>(),
};

/** `module` with a custom section of `size` zero bytes, byte `at` of which is `value`. */
function withCustomSection(module: Uint8Array, size: number, at: number, value: number): Uint8Array {
  const payload = [...encodeName('pad'), ...new Array<number>(size).fill(0)];
  payload[payload.length - size + at] = value;
  return new Uint8Array([...module, 0, ...encodeU32(payload.length), ...payload]);
}

describe('the compile cache', () => {
  it('compiles a module once: equal bytes (another buffer) get the same compiled module', async () => {
    const bytes = constantGuest('cached');
    const first = await prepareModule(bytes, options);
    const again = await prepareModule(new Uint8Array(bytes), options);
    expect(again).toBe(first);
  });

  it('tells apart modules that differ only where the fingerprint does not look', async () => {
    const base = constantGuest('fingerprint');
    // A byte 2 KiB into a 12 KiB custom section: past the first KiB, far from the middle and the end.
    const a = withCustomSection(base, 12_288, 2048, 1);
    const b = withCustomSection(base, 12_288, 2048, 2);
    const [pa, pb] = [await prepareModule(a, options), await prepareModule(b, options)];
    expect(pa.key).not.toBe(pb.key);
    expect(pa.module).not.toBe(pb.module);
  });

  it('compiles a module again for other limits', async () => {
    const bytes = constantGuest('limits');
    const a = await prepareModule(bytes, options);
    const b = await prepareModule(bytes, { ...options, maxPages: 32 });
    expect(b.key).not.toBe(a.key);
  });
});
