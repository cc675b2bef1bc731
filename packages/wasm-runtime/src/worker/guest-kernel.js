// @ts-check
/*
 * The Extism kernel of a guest worker: the Wasm kernel module (src/kernel/kernel-module.ts) for memory, input
 * and output, linked to the guest Wasm-to-Wasm; JavaScript for the functions that need the host (config, vars,
 * logs, HTTP). The kernel's memory is reused across the worker's calls and zeroed before each.
 */

/** Memories above this are dropped after a call rather than kept for the next. */
const KEEP_MEMORY_BYTES = 64 * 1024 * 1024;

const LOG_LEVELS = /** @type {const} */ (['trace', 'debug', 'info', 'warn', 'error']);

/** @typedef {import('./protocol.js').CallMessage} CallMessage */
/** @typedef {(...args: any[]) => any} Fn */

/**
 * Passes a kernel export to the Extism SDK as a host function unchanged: the SDK binds every host function to
 * its call context (`fn.bind(null, ctx)`), which would turn a Wasm-to-Wasm call into a JS host call.
 * @param {Fn} fn
 * @returns {Fn}
 */
function direct(fn) {
  Object.defineProperty(fn, 'bind', { value: () => fn, configurable: true });
  return fn;
}

export class WorkerKernel {
  /** @param {WebAssembly.Module} module */
  constructor(module) {
    this.module = module;
    /** @type {WebAssembly.Memory | undefined} */
    this.memory = undefined;
    /** @type {Record<string, any>} */
    this.exports = {};
    this.dirty = 0;
  }

  /**
   * Starts a call: a zeroed memory, a budget of `limit` bytes, the input as the input block.
   * @param {number} limit
   * @param {Uint8Array} input
   * @returns {boolean} false when the input alone is over the budget
   */
  begin(limit, input) {
    if (this.memory === undefined) {
      this.memory = new WebAssembly.Memory({ initial: 1, maximum: 65_536 });
      this.exports = /** @type {Record<string, any>} */ (
        new WebAssembly.Instance(this.module, { env: { memory: this.memory } }).exports
      );
      for (const name of Object.keys(this.exports)) {
        if (typeof this.exports[name] === 'function') direct(this.exports[name]);
      }
    } else if (this.dirty > 0) {
      new Uint8Array(this.memory.buffer, 0, this.dirty).fill(0);
    }
    this.dirty = 0;
    const k = this.exports;
    k['reset'](BigInt(limit));
    const at = k['alloc'](BigInt(input.length));
    if (at === 0n) return false;
    new Uint8Array(this.buffer).set(input, Number(at));
    k['set_input'](at, BigInt(input.length));
    return true;
  }

  /** Ends a call: remembers what to zero, drops a memory grown very large. */
  end() {
    this.dirty = Number(this.global('bump'));
    if (this.memory !== undefined && this.memory.buffer.byteLength > KEEP_MEMORY_BYTES) {
      this.memory = undefined;
      this.dirty = 0;
    }
  }

  get buffer() {
    return /** @type {WebAssembly.Memory} */ (this.memory).buffer;
  }

  /** @param {string} name */
  global(name) {
    return /** @type {WebAssembly.Global} */ (this.exports[name]).value;
  }

  /** An allocation failed for the budget (RUNTIME_MEMORY_LIMIT). */
  get failed() {
    return this.global('failed') === 1;
  }

  /**
   * A copy of the block at `addr` (empty for an invalid address).
   * @param {bigint} addr
   */
  read(addr) {
    const length = Number(this.exports['length'](addr));
    return new Uint8Array(this.buffer, Number(addr), length).slice();
  }

  /**
   * Stores bytes in a new block; 0n when over the budget.
   * @param {Uint8Array} bytes
   */
  store(bytes) {
    const at = this.exports['alloc'](BigInt(bytes.length));
    if (at !== 0n) new Uint8Array(this.buffer).set(bytes, Number(at));
    return at;
  }

  /** The output block (null when the guest set none) and the error message (null when none). */
  result() {
    const err = /** @type {bigint} */ (this.global('err'));
    if (err !== 0n) return { output: null, error: new TextDecoder().decode(this.read(err)) };
    const ptr = Number(this.global('out_ptr'));
    if (ptr === 0) return { output: null, error: null };
    const length = Number(this.global('out_len'));
    return { output: new Uint8Array(this.buffer.slice(ptr, ptr + length)), error: null };
  }

  /**
   * The `extism:host/env` functions for a call: the kernel's own, and JavaScript ones for config, vars and logs.
   * (HTTP is added by the worker.)
   * @param {CallMessage} msg
   * @param {(level: string, message: string) => void} log
   * @returns {Record<string, Fn>}
   */
  functions(msg, log) {
    const k = this.exports;
    const text = (/** @type {bigint} */ addr) => new TextDecoder().decode(this.read(addr));
    const encoder = new TextEncoder();
    /** @type {Map<string, Uint8Array>} */
    const vars = new Map();
    let varBytes = 0;
    const threshold = msg.logLevel === 'silent' ? Number.POSITIVE_INFINITY : LOG_LEVELS.indexOf(msg.logLevel);
    /** @type {Record<string, Fn>} */
    const fns = {
      alloc: k['alloc'],
      free: k['free'],
      length: k['length'],
      length_unsafe: k['length'],
      load_u8: k['load_u8'],
      load_u64: k['load_u64'],
      store_u8: k['store_u8'],
      store_u64: k['store_u64'],
      input_length: k['input_length'],
      input_offset: k['input_offset'],
      input_load_u8: k['input_load_u8'],
      input_load_u64: k['input_load_u64'],
      output_set: k['output_set'],
      error_set: k['error_set'],
      error_get: k['error_get'],
      config_get: (/** @type {unknown} */ _ctx, /** @type {bigint} */ addr) => {
        const key = text(addr);
        const value = Object.hasOwn(msg.config, key) ? msg.config[key] : undefined;
        return value === undefined ? 0n : this.store(encoder.encode(value));
      },
      var_get: (/** @type {unknown} */ _ctx, /** @type {bigint} */ addr) => {
        const value = vars.get(text(addr));
        return value === undefined ? 0n : this.store(value);
      },
      var_set: (/** @type {unknown} */ _ctx, /** @type {bigint} */ keyAddr, /** @type {bigint} */ valueAddr) => {
        const key = text(keyAddr);
        const previous = vars.get(key)?.length ?? 0;
        if (valueAddr === 0n) {
          vars.delete(key);
          varBytes -= previous;
          return;
        }
        const value = this.read(valueAddr);
        if (varBytes - previous + value.length > msg.memory.maxVarBytes) {
          k['error_set'](
            this.store(encoder.encode(`var memory limit exceeded: ${msg.memory.maxVarBytes} bytes allowed`)),
          );
          return;
        }
        vars.set(key, value);
        varBytes += value.length - previous;
      },
      get_log_level: () => (Number.isFinite(threshold) ? threshold : -1),
    };
    LOG_LEVELS.forEach((level, priority) => {
      fns[`log_${level}`] = (/** @type {unknown} */ _ctx, /** @type {bigint} */ addr) => {
        if (priority >= threshold) log(level, text(addr));
      };
    });
    return fns;
  }
}
