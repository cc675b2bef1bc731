/*
 * A minimal Wasm module encoder for tests: hand-written instruction bytes (helpers in `op`), types deduplicated,
 * function indices = imports first, then functions in order. Enough to write hostile modules without wabt.
 */
import { encodeName, encodeS32, encodeS64, encodeU32 } from '../../src/wasm/leb128.js';

export const i32 = 0x7f;
export const i64 = 0x7e;

export interface Sig {
  params?: number[];
  results?: number[];
}

export interface FuncImport {
  module: string;
  name: string;
  sig: Sig;
}

export interface Func {
  sig?: Sig;
  locals?: number[];
  /** Instruction bytes without the final `end`. */
  body: number[];
  export?: string;
}

export interface ModuleSpec {
  imports?: FuncImport[];
  /** Defined memory (exported as `memory` unless `exportAs` is null). */
  memory?: { min: number; max?: number; exportAs?: string | null };
  /** Import the memory instead of defining it. */
  importMemory?: { module: string; name: string; min: number };
  funcs?: Func[];
  data?: { offset: number; bytes: Uint8Array | string }[];
  /** Index of a start function. */
  start?: number;
  /** Extra raw sections appended as-is: `[id, payload]`. */
  raw?: [number, number[]][];
}

export const op = {
  unreachable: [0x00],
  nop: [0x01],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  else: [0x05],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...encodeU32(depth)],
  brIf: (depth: number) => [0x0d, ...encodeU32(depth)],
  return: [0x0f],
  call: (index: number) => [0x10, ...encodeU32(index)],
  drop: [0x1a],
  localGet: (i: number) => [0x20, ...encodeU32(i)],
  localSet: (i: number) => [0x21, ...encodeU32(i)],
  localTee: (i: number) => [0x22, ...encodeU32(i)],
  i32Load: (offset = 0) => [0x28, 0x02, ...encodeU32(offset)],
  i32Store: (offset = 0) => [0x36, 0x02, ...encodeU32(offset)],
  i32Store8: (offset = 0) => [0x3a, 0x00, ...encodeU32(offset)],
  i32Load8u: (offset = 0) => [0x2d, 0x00, ...encodeU32(offset)],
  memorySize: [0x3f, 0x00],
  memoryGrow: [0x40, 0x00],
  i32Const: (n: number) => [0x41, ...encodeS32(n)],
  i64Const: (n: bigint | number) => [0x42, ...encodeS64(BigInt(n))],
  i32Eqz: [0x45],
  i32Eq: [0x46],
  i32Ne: [0x47],
  i32LtS: [0x48],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i64Eqz: [0x50],
  i64GeU: [0x5a],
  i64Add: [0x7c],
  i32WrapI64: [0xa7],
  i64ExtendI32U: [0xad],
};

const sigKey = (s: Sig) => `${(s.params ?? []).join(',')}>${(s.results ?? []).join(',')}`;

function section(id: number, payload: number[]): number[] {
  return [id, ...encodeU32(payload.length), ...payload];
}

function vec(items: number[][]): number[] {
  return [...encodeU32(items.length), ...items.flat()];
}

function bytesOf(data: Uint8Array | string): number[] {
  return [...(typeof data === 'string' ? new TextEncoder().encode(data) : data)];
}

/** Encodes a module. */
export function wasmModule(spec: ModuleSpec): Uint8Array {
  const sigs: Sig[] = [];
  const typeIndex = (s: Sig) => {
    const key = sigKey(s);
    let i = sigs.findIndex((x) => sigKey(x) === key);
    if (i === -1) i = sigs.push(s) - 1;
    return i;
  };
  const imports = spec.imports ?? [];
  const funcs = spec.funcs ?? [];
  const importEntries = imports.map((imp) => [
    ...encodeName(imp.module),
    ...encodeName(imp.name),
    0x00,
    ...encodeU32(typeIndex(imp.sig)),
  ]);
  if (spec.importMemory !== undefined) {
    importEntries.push([
      ...encodeName(spec.importMemory.module),
      ...encodeName(spec.importMemory.name),
      0x02,
      0x00,
      ...encodeU32(spec.importMemory.min),
    ]);
  }
  const funcTypes = funcs.map((f) => encodeU32(typeIndex(f.sig ?? {})));
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types = sigs.map((s) => [
    0x60,
    ...vec((s.params ?? []).map((t) => [t])),
    ...vec((s.results ?? []).map((t) => [t])),
  ]);
  out.push(...section(1, vec(types)));
  if (importEntries.length > 0) out.push(...section(2, vec(importEntries)));
  if (funcs.length > 0) out.push(...section(3, vec(funcTypes)));
  const exports: number[][] = [];
  if (spec.memory !== undefined) {
    const { min, max } = spec.memory;
    const limits = max === undefined ? [0x00, ...encodeU32(min)] : [0x01, ...encodeU32(min), ...encodeU32(max)];
    out.push(...section(5, vec([limits])));
    const name = spec.memory.exportAs === undefined ? 'memory' : spec.memory.exportAs;
    if (name !== null) exports.push([...encodeName(name), 0x02, 0x00]);
  }
  funcs.forEach((f, i) => {
    if (f.export !== undefined) exports.push([...encodeName(f.export), 0x00, ...encodeU32(imports.length + i)]);
  });
  if (exports.length > 0) out.push(...section(7, vec(exports)));
  if (spec.start !== undefined) out.push(...section(8, encodeU32(spec.start)));
  if (funcs.length > 0) {
    const bodies = funcs.map((f) => {
      const locals = (f.locals ?? []).map((t) => [1, t]);
      const body = [...vec(locals), ...f.body, 0x0b];
      return [...encodeU32(body.length), ...body];
    });
    out.push(...section(10, vec(bodies)));
  }
  if (spec.data !== undefined && spec.data.length > 0) {
    const segments = spec.data.map((d) => {
      const bytes = bytesOf(d.bytes);
      return [0x00, ...op.i32Const(d.offset), 0x0b, ...encodeU32(bytes.length), ...bytes];
    });
    out.push(...section(11, vec(segments)));
  }
  for (const [id, payload] of spec.raw ?? []) out.push(...section(id, payload));
  return new Uint8Array(out);
}
