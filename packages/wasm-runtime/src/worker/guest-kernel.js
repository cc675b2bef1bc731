// @ts-check
/*
 * Fast paths for the Extism kernel functions that move bytes (8 at a time) between host and guest. The SDK's own
 * versions turn every address into BigInts several times and walk its call stack per byte; these read the same
 * blocks (through CallContext.read, which views the block's own buffer) with plain Number arithmetic.
 */

const TWO_48 = 2 ** 48;
const MAX_SAFE = 2 ** 53;
const OFFSET_MASK = (1n << 48n) - 1n;

/**
 * @typedef {{ read(addr: bigint): { buffer: ArrayBufferLike } | null }} ReadableContext
 */

/**
 * @param {Uint8Array} input the call's input (the SDK stores the same bytes as the input block)
 */
export function kernelFastPaths(input) {
  const inputView = new DataView(input.buffer, input.byteOffset, input.byteLength);
  /** @type {(DataView | undefined)[]} */
  const views = [];
  let offset = 0;

  /**
   * The DataView of the block `addr` points into; sets `offset` to the offset within it.
   * @param {ReadableContext} ctx
   * @param {bigint} addr
   * @returns {DataView}
   */
  function blockAt(ctx, addr) {
    let index;
    const n = Number(addr);
    if (n < MAX_SAFE) {
      index = Math.floor(n / TWO_48);
      offset = n - index * TWO_48;
    } else {
      index = Number(addr >> 48n);
      offset = Number(addr & OFFSET_MASK);
    }
    let view = views[index];
    if (view === undefined) {
      const block = ctx.read(BigInt(index) << 48n);
      if (block === null) throw new WebAssembly.RuntimeError(`invalid Extism memory address 0x${addr.toString(16)}`);
      view = new DataView(block.buffer);
      views[index] = view;
    }
    return view;
  }

  return {
    input_length: () => BigInt(input.byteLength),
    /** @param {unknown} _ctx @param {bigint} off */
    input_load_u8: (_ctx, off) => inputView.getUint8(Number(off)),
    /** @param {unknown} _ctx @param {bigint} off */
    input_load_u64: (_ctx, off) => inputView.getBigUint64(Number(off), true),
    /** @param {ReadableContext} ctx @param {bigint} addr */
    load_u8: (ctx, addr) => blockAt(ctx, addr).getUint8(offset),
    /** @param {ReadableContext} ctx @param {bigint} addr */
    load_u64: (ctx, addr) => blockAt(ctx, addr).getBigUint64(offset, true),
    /** @param {ReadableContext} ctx @param {bigint} addr @param {number} value */
    store_u8: (ctx, addr, value) => blockAt(ctx, addr).setUint8(offset, value),
    /** @param {ReadableContext} ctx @param {bigint} addr @param {bigint} value */
    store_u64: (ctx, addr, value) => blockAt(ctx, addr).setBigUint64(offset, value, true),
  };
}
