import { encodeName, encodeS32, encodeS64, encodeU32 } from '../wasm/leb128.js';

/*
 * The Extism kernel as a Wasm module: the memory blocks, input and output of a call, in a memory of its own that
 * the guest reaches through its `extism:host/env` imports. Linked to the guest directly (Wasm to Wasm), so the
 * ABI's 8-bytes-per-call loads and stores cost a few nanoseconds instead of a JS host call with BigInts each
 * (measured: ~13 MB/s through the Extism JS SDK's CallContext for 10 MiB of manifests).
 *
 * Layout: a bump allocator over an imported memory the worker reuses across calls (zeroed between them). A block
 * is `[u64 length][bytes]`; its address is the offset of its bytes (0 is null). `reset(limit)` starts a call with
 * a budget of `limit` bytes (runtimeConfig.memory.maxPages); an allocation beyond it returns 0 and sets `failed`.
 */

const I32 = 0x7f;
const I64 = 0x7e;

type Sig = [params: number[], results: number[]];

interface KernelFunc {
  name: string;
  sig: Sig;
  locals?: number[];
  body: number[];
}

// Globals, by index.
const G = { bump: 0, limit: 1, inPtr: 2, inLen: 3, outPtr: 4, outLen: 5, err: 6, failed: 7 } as const;

const get = (i: number) => [0x20, ...encodeU32(i)];
const set = (i: number) => [0x21, ...encodeU32(i)];
const gget = (g: number) => [0x23, ...encodeU32(g)];
const gset = (g: number) => [0x24, ...encodeU32(g)];
const i64c = (n: bigint | number) => [0x42, ...encodeS64(BigInt(n))];
const i32c = (n: number) => [0x41, ...encodeS32(n)];
const WRAP = 0xa7;
const EXTEND_U = 0xad;
const memarg = (align: number) => [align, 0x00];

/** `if (cond) { failed = 1; return 0 }` with the condition on the stack. */
const failIf = [0x04, 0x40, ...i32c(1), ...gset(G.failed), ...i64c(0), 0x0f, 0x0b];

const FUNCS: KernelFunc[] = [
  {
    name: 'alloc',
    sig: [[I64], [I64]],
    locals: [I64, I64, I64, I64], // 1 hdr, 2 addr, 3 end, 4 have
    body: [
      ...gget(G.bump),
      ...i64c(7),
      0x7c,
      ...i64c(-8),
      0x83,
      ...set(1), // hdr = (bump + 7) & -8
      ...get(1),
      ...i64c(8),
      0x7c,
      ...set(2), // addr = hdr + 8
      ...get(2),
      ...get(0),
      0x7c,
      ...set(3), // end = addr + n
      ...get(0),
      ...i64c(0xffffffff),
      0x56,
      ...get(3),
      ...gget(G.limit),
      0x56,
      0x72,
      ...failIf, // n > u32 | end > limit
      0x3f,
      0x00,
      EXTEND_U,
      ...i64c(16),
      0x86,
      ...set(4), // have = memory.size << 16
      ...get(3),
      ...get(4),
      0x56,
      0x04,
      0x40, // if end > have
      ...get(3),
      ...get(4),
      0x7d,
      ...i64c(65535),
      0x7c,
      ...i64c(16),
      0x88,
      WRAP, // pages = (end - have + 65535) >> 16
      0x40,
      0x00,
      ...i32c(-1),
      0x46,
      ...failIf, // memory.grow == -1 → fail
      0x0b,
      ...get(1),
      WRAP,
      ...get(0),
      0x37,
      ...memarg(3), // [hdr] = n
      ...get(3),
      ...gset(G.bump),
      ...get(2),
    ],
  },
  { name: 'free', sig: [[I64], []], body: [] },
  {
    name: 'length',
    sig: [[I64], [I64]],
    body: [
      ...get(0),
      ...i64c(16),
      0x54,
      ...get(0),
      ...gget(G.bump),
      0x56,
      0x72, // a < 16 | a > bump
      0x04,
      0x40,
      ...i64c(0),
      0x0f,
      0x0b,
      ...get(0),
      ...i64c(8),
      0x7d,
      WRAP,
      0x29,
      ...memarg(3),
    ],
  },
  { name: 'load_u8', sig: [[I64], [I32]], body: [...get(0), WRAP, 0x2d, ...memarg(0)] },
  { name: 'load_u64', sig: [[I64], [I64]], body: [...get(0), WRAP, 0x29, ...memarg(3)] },
  { name: 'store_u8', sig: [[I64, I32], []], body: [...get(0), WRAP, ...get(1), 0x3a, ...memarg(0)] },
  { name: 'store_u64', sig: [[I64, I64], []], body: [...get(0), WRAP, ...get(1), 0x37, ...memarg(3)] },
  { name: 'input_length', sig: [[], [I64]], body: gget(G.inLen) },
  { name: 'input_offset', sig: [[], [I64]], body: gget(G.inPtr) },
  {
    name: 'input_load_u8',
    sig: [[I64], [I32]],
    body: [...gget(G.inPtr), ...get(0), 0x7c, WRAP, 0x2d, ...memarg(0)],
  },
  {
    name: 'input_load_u64',
    sig: [[I64], [I64]],
    body: [...gget(G.inPtr), ...get(0), 0x7c, WRAP, 0x29, ...memarg(3)],
  },
  { name: 'output_set', sig: [[I64, I64], []], body: [...get(0), ...gset(G.outPtr), ...get(1), ...gset(G.outLen)] },
  { name: 'error_set', sig: [[I64], []], body: [...get(0), ...gset(G.err)] },
  { name: 'error_get', sig: [[], [I64]], body: gget(G.err) },
  {
    name: 'reset',
    sig: [[I64], []],
    body: [
      ...i64c(16),
      ...gset(G.bump),
      ...get(0),
      ...gset(G.limit),
      ...i64c(0),
      ...gset(G.inPtr),
      ...i64c(0),
      ...gset(G.inLen),
      ...i64c(0),
      ...gset(G.outPtr),
      ...i64c(0),
      ...gset(G.outLen),
      ...i64c(0),
      ...gset(G.err),
      ...i32c(0),
      ...gset(G.failed),
    ],
  },
  { name: 'set_input', sig: [[I64, I64], []], body: [...get(0), ...gset(G.inPtr), ...get(1), ...gset(G.inLen)] },
];

const GLOBAL_EXPORTS: [string, number][] = [
  ['bump', G.bump],
  ['out_ptr', G.outPtr],
  ['out_len', G.outLen],
  ['err', G.err],
  ['failed', G.failed],
];

function section(id: number, payload: number[]): number[] {
  return [id, ...encodeU32(payload.length), ...payload];
}

function vec(items: number[][]): number[] {
  return [...encodeU32(items.length), ...items.flat()];
}

/** The kernel module's bytes; it imports `env.memory` (at most 65536 pages). */
export function kernelModuleBytes(): Uint8Array {
  const sigKeys: string[] = [];
  const sigs: Sig[] = [];
  const typeOf = (sig: Sig) => {
    const key = JSON.stringify(sig);
    let i = sigKeys.indexOf(key);
    if (i === -1) {
      i = sigKeys.push(key) - 1;
      sigs.push(sig);
    }
    return i;
  };
  const funcTypes = FUNCS.map((f) => encodeU32(typeOf(f.sig)));
  const types = sigs.map(([params, results]) => [
    0x60,
    ...vec(params.map((p) => [p])),
    ...vec(results.map((r) => [r])),
  ]);
  const memoryImport = [
    ...encodeName('env'),
    ...encodeName('memory'),
    0x02,
    0x01,
    ...encodeU32(1),
    ...encodeU32(65_536),
  ];
  const globals = [I64, I64, I64, I64, I64, I64, I64, I32].map((t, i) => [
    t,
    0x01,
    ...(t === I32 ? i32c(0) : i64c(i === G.bump ? 16 : 0)),
    0x0b,
  ]);
  const exports = [
    ...FUNCS.map((f, i) => [...encodeName(f.name), 0x00, ...encodeU32(i)]),
    ...GLOBAL_EXPORTS.map(([name, g]) => [...encodeName(name), 0x03, ...encodeU32(g)]),
  ];
  const bodies = FUNCS.map((f) => {
    const locals = (f.locals ?? []).map((t) => [1, t]);
    const body = [...vec(locals), ...f.body, 0x0b];
    return [...encodeU32(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(funcTypes)),
    ...section(6, vec(globals)),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}

/** The kernel functions a guest may import that the module implements (the rest are served from JS). */
export const KERNEL_WASM_FUNCTIONS: readonly string[] = FUNCS.map((f) => f.name).filter(
  (n) => n !== 'reset' && n !== 'set_input',
);

let compiled: WebAssembly.Module | undefined;

/** The compiled kernel (a few hundred bytes: compiled synchronously), once per process. */
export function kernelModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(kernelModuleBytes());
  return compiled;
}
