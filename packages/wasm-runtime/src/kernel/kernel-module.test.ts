import { describe, expect, it } from 'vitest';
import { KERNEL_WASM_FUNCTIONS, kernelModule } from './kernel-module.js';

type Fn = (...args: unknown[]) => unknown;

async function kernel() {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 65_536 });
  const instance = new WebAssembly.Instance(kernelModule(), { env: { memory } });
  const e = instance.exports as Record<string, unknown>;
  const fn = (name: string) => e[name] as Fn;
  const global = (name: string) => (e[name] as WebAssembly.Global).value;
  return { memory, fn, global };
}

describe('the Wasm Extism kernel', () => {
  it('allocates blocks with their length, within the call budget', async () => {
    const k = await kernel();
    k.fn('reset')(1024n);
    const a = k.fn('alloc')(5n) as bigint;
    const b = k.fn('alloc')(8n) as bigint;
    expect(a).toBe(24n);
    expect(b % 8n).toBe(0n);
    expect(k.fn('length')(a)).toBe(5n);
    expect(k.fn('length')(b)).toBe(8n);
    expect(k.fn('length')(0n)).toBe(0n);
    expect(k.fn('length')(1_000_000n)).toBe(0n);
    expect(k.fn('alloc')(2000n)).toBe(0n);
    expect(k.global('failed')).toBe(1);
  });

  it('grows its memory as blocks need', async () => {
    const k = await kernel();
    k.fn('reset')(10n * 1024n * 1024n);
    const a = k.fn('alloc')(200_000n) as bigint;
    expect(a).toBe(24n);
    expect(k.memory.buffer.byteLength).toBeGreaterThanOrEqual(200_024);
    k.fn('store_u64')(a + 199_992n, 0x0102030405060708n);
    expect(k.fn('load_u64')(a + 199_992n)).toBe(0x0102030405060708n);
    expect(k.fn('load_u8')(a + 199_992n)).toBe(8);
  });

  it('serves the input and records output and error', async () => {
    const k = await kernel();
    k.fn('reset')(4096n);
    const input = new TextEncoder().encode('{"hello":"world!"}');
    const at = k.fn('alloc')(BigInt(input.length)) as bigint;
    new Uint8Array(k.memory.buffer).set(input, Number(at));
    k.fn('set_input')(at, BigInt(input.length));
    expect(k.fn('input_length')()).toBe(BigInt(input.length));
    expect(k.fn('input_offset')()).toBe(at);
    expect(k.fn('input_load_u8')(1n)).toBe(0x22);
    expect(k.fn('input_load_u64')(2n)).toBe(new DataView(input.buffer).getBigUint64(2, true));
    k.fn('output_set')(at, 3n);
    k.fn('error_set')(77n);
    expect([k.global('out_ptr'), k.global('out_len'), k.fn('error_get')()]).toEqual([at, 3n, 77n]);
  });

  it('lists the kernel functions it implements', () => {
    expect(KERNEL_WASM_FUNCTIONS).toContain('input_load_u64');
    expect(KERNEL_WASM_FUNCTIONS).not.toContain('reset');
  });
});
