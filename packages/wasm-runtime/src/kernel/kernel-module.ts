import { KERNEL_WASM_BASE64 } from './kernel-wasm.js';

/*
 * The Extism kernel (kernel/kernel.ts, AssemblyScript, compiled into kernel-wasm.ts): the guest's memory blocks,
 * input and output, linked to the guest Wasm to Wasm, and the JSON string functions the host uses on the same
 * memory. The memory is shared (one per guest worker): the host writes a call's input into it and reads the output
 * out of it in place.
 */

/** The kernel functions a guest may import that the module implements (the rest are served from JS). */
export const KERNEL_WASM_FUNCTIONS: readonly string[] = [
  'alloc',
  'free',
  'length',
  'length_unsafe',
  'load_u8',
  'load_u64',
  'store_u8',
  'store_u64',
  'input_length',
  'input_offset',
  'input_load_u8',
  'input_load_u64',
  'output_set',
  'error_set',
  'error_get',
];

/** The largest kernel memory: 4 GiB, all a 32-bit memory can address. */
export const KERNEL_MAX_PAGES = 65_536;

let compiled: WebAssembly.Module | undefined;

/** The compiled kernel (a few KiB: compiled synchronously), once per process. */
export function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Buffer.from(KERNEL_WASM_BASE64, 'base64'));
  return compiled;
}

/** A fresh kernel memory (shared, so the host thread and a guest worker both reach it). */
export function newKernelMemory(): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: 1, maximum: KERNEL_MAX_PAGES, shared: true });
}
