// @ts-check
/*
 * WASI preview1 for a guest, served under the `helm:wasi` namespace the module rewrite moved it to: node:wasi
 * (with the call's env and preopens) for everything but the standard streams, which go to the host, and
 * proc_exit, which ends the call with an exit code.
 */

/** Thrown by proc_exit; ends the call. */
class ProcExit extends Error {
  /** @param {number} code */
  constructor(code) {
    super(`the plugin exited with code ${code}`);
    this.name = 'ProcExit';
    this.code = code;
  }
}

const ERRNO_SUCCESS = 0;
const ERRNO_FAULT = 21;

/**
 * @typedef {object} GuestStreams
 * @property {() => WebAssembly.Memory} memory the guest's memory (known once it is instantiated)
 * @property {(fd: 1 | 2, bytes: Uint8Array) => void} write
 * @property {(max: number) => Uint8Array} read blocks until the host has bytes; empty at end of input
 */

/**
 * @param {{ wasiImport: Record<string, Function> }} wasi a node:wasi instance
 * @param {GuestStreams} streams
 * @returns {Record<string, Function>}
 */
function wasiImports(wasi, streams) {
  const base = wasi.wasiImport;
  /** @type {Record<string, Function>} */
  const imports = {};
  for (const [name, fn] of Object.entries(base)) {
    imports[name] = (/** @type {unknown} */ _ctx, /** @type {unknown[]} */ ...args) => fn(...args);
  }

  /** @param {number} iovs @param {number} count @returns {{ view: DataView, spans: [number, number][] }} */
  function iovecs(iovs, count) {
    const view = new DataView(streams.memory().buffer);
    /** @type {[number, number][]} */
    const spans = [];
    for (let i = 0; i < count; i++) {
      const ptr = view.getUint32(iovs + i * 8, true);
      const len = view.getUint32(iovs + i * 8 + 4, true);
      if (ptr + len > view.byteLength) throw new RangeError('iovec out of bounds');
      spans.push([ptr, len]);
    }
    return { view, spans };
  }

  imports['fd_write'] = (
    /** @type {unknown} */ _ctx,
    /** @type {number} */ fd,
    /** @type {number} */ iovs,
    /** @type {number} */ count,
    /** @type {number} */ written,
  ) => {
    if (fd !== 1 && fd !== 2) return base['fd_write']?.(fd, iovs, count, written);
    try {
      const { view, spans } = iovecs(iovs, count);
      const total = spans.reduce((n, [, len]) => n + len, 0);
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const [ptr, len] of spans) {
        bytes.set(new Uint8Array(view.buffer, ptr, len), at);
        at += len;
      }
      if (total > 0) streams.write(fd, bytes);
      view.setUint32(written, total, true);
      return ERRNO_SUCCESS;
    } catch {
      return ERRNO_FAULT;
    }
  };

  imports['fd_read'] = (
    /** @type {unknown} */ _ctx,
    /** @type {number} */ fd,
    /** @type {number} */ iovs,
    /** @type {number} */ count,
    /** @type {number} */ read,
  ) => {
    if (fd !== 0) return base['fd_read']?.(fd, iovs, count, read);
    let spans;
    try {
      spans = iovecs(iovs, count).spans;
    } catch {
      return ERRNO_FAULT;
    }
    const capacity = spans.reduce((n, [, len]) => n + len, 0);
    const bytes = capacity === 0 ? new Uint8Array(0) : streams.read(capacity);
    const memory = new Uint8Array(streams.memory().buffer);
    let at = 0;
    for (const [ptr, len] of spans) {
      if (at >= bytes.length) break;
      const n = Math.min(len, bytes.length - at);
      memory.set(bytes.subarray(at, at + n), ptr);
      at += n;
    }
    new DataView(memory.buffer).setUint32(read, at, true);
    return ERRNO_SUCCESS;
  };

  imports['proc_exit'] = (/** @type {unknown} */ _ctx, /** @type {number} */ code) => {
    throw new ProcExit(code);
  };
  return imports;
}

module.exports = { ProcExit, wasiImports };
