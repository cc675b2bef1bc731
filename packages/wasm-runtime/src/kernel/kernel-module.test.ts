import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KERNEL_WASM_FUNCTIONS, kernelModule, newKernelMemory } from './kernel-module.js';

type Fn = (...args: unknown[]) => unknown;

function kernel() {
  const memory = newKernelMemory();
  const instance = new WebAssembly.Instance(kernelModule(), { env: { memory } });
  const e = instance.exports as Record<string, unknown>;
  const fn = (name: string) => e[name] as Fn;
  const global = (name: string) => (e[name] as WebAssembly.Global).value;
  return { memory, fn, global, bytes: () => new Uint8Array(memory.buffer) };
}

describe('the Wasm Extism kernel', () => {
  it('allocates blocks with their length, within the call budget', () => {
    const k = kernel();
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

  it('grows its memory as blocks need', () => {
    const k = kernel();
    k.fn('reset')(10n * 1024n * 1024n);
    const a = k.fn('alloc')(200_000n) as bigint;
    expect(a).toBe(24n);
    expect(k.memory.buffer.byteLength).toBeGreaterThanOrEqual(200_024);
    k.fn('store_u64')(a + 199_992n, 0x0102030405060708n);
    expect(k.fn('load_u64')(a + 199_992n)).toBe(0x0102030405060708n);
    expect(k.fn('load_u8')(a + 199_992n)).toBe(8);
  });

  it('begins a call on an input the host wrote, and serves it', () => {
    const k = kernel();
    const input = new TextEncoder().encode('{"hello":"world!"}');
    k.bytes().set(input, 24);
    const at = k.fn('begin')(4096n, BigInt(input.length), 0n) as bigint;
    expect(at).toBe(24n);
    expect(k.fn('input_length')()).toBe(BigInt(input.length));
    expect(k.fn('input_offset')()).toBe(at);
    expect(k.fn('input_load_u8')(1n)).toBe(0x22);
    expect(k.fn('input_load_u64')(2n)).toBe(new DataView(input.buffer).getBigUint64(2, true));
    expect(k.fn('input_load_u8')(BigInt(input.length))).toBe(0);
    expect(k.fn('input_load_u64')(BigInt(input.length - 7))).toBe(0n);
    k.fn('output_set')(at, 3n);
    k.fn('error_set')(77n);
    expect([k.global('out_ptr'), k.global('out_len'), k.fn('error_get')()]).toEqual([at, 3n, 77n]);
    expect(k.fn('begin')(16n, 100n, 0n)).toBe(0n);
  });

  it('keeps a guest inside its blocks and shows it nothing of an earlier call', () => {
    const k = kernel();
    k.fn('reset')(1n << 20n);
    const secret = k.fn('alloc')(64n) as bigint;
    k.bytes().fill(0xaa, Number(secret), Number(secret) + 64);
    const dirty = k.global('bump') as bigint;
    // The next call: its blocks are zeroed where the last call wrote; nothing past its blocks is reachable.
    k.fn('begin')(1n << 20n, 0n, dirty);
    const block = k.fn('alloc')(16n) as bigint;
    expect(k.fn('load_u64')(block)).toBe(0n);
    expect(k.fn('load_u64')(block + 8n)).toBe(0n);
    expect(k.fn('load_u8')(block + 40n)).toBe(0);
    expect(k.fn('load_u64')(block + 9n)).toBe(0n);
    k.fn('store_u64')(block + 9n, -1n);
    k.fn('store_u8')(block + 16n, 1);
    expect(k.bytes()[Number(block) + 16]).toBe(0xaa);
    k.fn('store_u64')(block + 8n, 0x0102030405060708n);
    expect(k.fn('load_u64')(block + 8n)).toBe(0x0102030405060708n);
  });

  it('lists the kernel functions it implements', () => {
    expect(KERNEL_WASM_FUNCTIONS).toContain('input_load_u64');
    expect(KERNEL_WASM_FUNCTIONS).not.toContain('begin');
    const exported = WebAssembly.Module.exports(kernelModule()).map((e) => e.name);
    for (const name of KERNEL_WASM_FUNCTIONS) expect(exported).toContain(name);
  });

  it('is built from kernel/kernel.ts (src/kernel/kernel-wasm.ts is not stale)', async () => {
    const build = await import(new URL('../../scripts/build-kernel.mjs', import.meta.url).href);
    const fresh = build.generatedSource(await build.compileKernel());
    expect(fresh).toBe(readFileSync(fileURLToPath(new URL('./kernel-wasm.ts', import.meta.url)), 'utf8'));
  }, 60_000);
});
