import { MalformedWasmError, WasmReader } from './reader.js';

/** An instruction found in a function body: its byte range. */
export interface InstructionSpan {
  start: number;
  end: number;
}

/** Thrown for an opcode this walker does not know; the caller then leaves the code untouched. */
export class UnknownOpcodeError extends Error {
  constructor(opcode: string, offset: number) {
    super(`unknown opcode ${opcode} at byte ${offset}`);
    this.name = 'UnknownOpcodeError';
  }
}

/**
 * Finds every `memory.grow` of memory 0 in one function body (`start`..`end` = the bytes after the body size):
 * decodes the locals and every instruction, skipping immediates, so no byte of an immediate is mistaken for an
 * opcode. Knows the MVP, sign-extension, saturating conversions, bulk memory, reference types, SIMD, threads,
 * tail calls and exceptions; throws UnknownOpcodeError for anything else (GC, memory64 with multi-memory).
 */
export function findMemoryGrows(bytes: Uint8Array, start: number, end: number): InstructionSpan[] {
  const r = new WasmReader(bytes, start, end);
  for (let n = r.u32(); n > 0; n--) {
    r.u32();
    valType(r);
  }
  const grows: InstructionSpan[] = [];
  while (!r.done) {
    const at = r.pos;
    const op = r.byte();
    if (op === 0x40) {
      if (r.u32() === 0) grows.push({ start: at, end: r.pos });
      continue;
    }
    skipImmediates(r, op, at);
  }
  return grows;
}

function valType(r: WasmReader): void {
  const t = r.byte();
  if (t === 0x63 || t === 0x64) r.skipLeb(5);
}

function blockType(r: WasmReader): void {
  const b = r.bytes[r.pos];
  if (b === 0x63 || b === 0x64) {
    r.byte();
    r.skipLeb(5);
    return;
  }
  r.skipLeb(5); // 0x40, a one-byte value type, or an s33 type index
}

function memarg(r: WasmReader): void {
  const align = r.u32();
  if ((align & 0x40) !== 0) r.u32(); // multi-memory: memory index
  r.skipLeb(10); // offset (u64 for memory64)
}

function skipImmediates(r: WasmReader, op: number, at: number): void {
  if (op >= 0x45 && op <= 0xc4) return; // numeric, no immediates
  switch (op) {
    case 0x00: // unreachable
    case 0x01: // nop
    case 0x05: // else
    case 0x0a: // throw_ref
    case 0x0b: // end
    case 0x0f: // return
    case 0x19: // catch_all
    case 0x1a: // drop
    case 0x1b: // select
    case 0xd1: // ref.is_null
    case 0xd3: // ref.eq
    case 0xd4: // ref.as_non_null
      return;
    case 0x02: // block
    case 0x03: // loop
    case 0x04: // if
    case 0x06: // try
      blockType(r);
      return;
    case 0x1f: {
      // try_table
      blockType(r);
      for (let n = r.u32(); n > 0; n--) {
        const kind = r.byte();
        if (kind === 0x00 || kind === 0x01) r.u32();
        r.u32();
      }
      return;
    }
    case 0x07: // catch
    case 0x08: // throw
    case 0x09: // rethrow
    case 0x0c: // br
    case 0x0d: // br_if
    case 0x10: // call
    case 0x12: // return_call
    case 0x14: // call_ref
    case 0x15: // return_call_ref
    case 0x18: // delegate
    case 0x20: // local.get
    case 0x21: // local.set
    case 0x22: // local.tee
    case 0x23: // global.get
    case 0x24: // global.set
    case 0x25: // table.get
    case 0x26: // table.set
    case 0xd2: // ref.func
    case 0xd5: // br_on_null
    case 0xd6: // br_on_non_null
    case 0x3f: // memory.size
      r.u32();
      return;
    case 0x0e: {
      // br_table
      for (let n = r.u32(); n > 0; n--) r.u32();
      r.u32();
      return;
    }
    case 0x11: // call_indirect
    case 0x13: // return_call_indirect
      r.u32();
      r.u32();
      return;
    case 0x1c: // select t*
      for (let n = r.u32(); n > 0; n--) valType(r);
      return;
    case 0x41: // i32.const
      r.skipLeb(5);
      return;
    case 0x42: // i64.const
      r.skipLeb(10);
      return;
    case 0x43: // f32.const
      r.skip(4);
      return;
    case 0x44: // f64.const
      r.skip(8);
      return;
    case 0xd0: // ref.null heaptype
      r.skipLeb(5);
      return;
    case 0xfc:
      miscPrefix(r, at);
      return;
    case 0xfd:
      simdPrefix(r);
      return;
    case 0xfe:
      atomicPrefix(r);
      return;
    default:
      if (op >= 0x28 && op <= 0x3e) {
        memarg(r);
        return;
      }
      throw new UnknownOpcodeError(`0x${op.toString(16)}`, at);
  }
}

function miscPrefix(r: WasmReader, at: number): void {
  const sub = r.u32();
  if (sub <= 7) return; // saturating truncations
  switch (sub) {
    case 8: // memory.init
    case 10: // memory.copy
    case 12: // table.init
    case 14: // table.copy
      r.u32();
      r.u32();
      return;
    case 9: // data.drop
    case 11: // memory.fill
    case 13: // elem.drop
    case 15: // table.grow
    case 16: // table.size
    case 17: // table.fill
      r.u32();
      return;
    default:
      throw new UnknownOpcodeError(`0xfc ${sub}`, at);
  }
}

function simdPrefix(r: WasmReader): void {
  const sub = r.u32();
  if (sub <= 11 || sub === 92 || sub === 93) {
    memarg(r);
  } else if (sub === 12 || sub === 13) {
    r.skip(16); // v128.const, i8x16.shuffle
  } else if (sub >= 21 && sub <= 34) {
    r.skip(1); // extract/replace lane
  } else if (sub >= 84 && sub <= 91) {
    memarg(r);
    r.skip(1); // load/store lane
  }
}

function atomicPrefix(r: WasmReader): void {
  const sub = r.u32();
  if (sub === 0x03) {
    r.skip(1); // atomic.fence
    return;
  }
  memarg(r);
}

export { MalformedWasmError };
