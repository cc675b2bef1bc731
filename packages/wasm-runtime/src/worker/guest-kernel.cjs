// @ts-check
/*
 * The Extism kernel of a guest worker: the Wasm kernel module (kernel/kernel.ts) for memory, input and output,
 * linked to the guest Wasm to Wasm; JavaScript for the functions that need the host (config, vars, logs, HTTP).
 * Its memory is the host's (shared): the host writes each call's input into it and reads the output from it.
 */

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

class WorkerKernel {
  /**
   * @param {WebAssembly.Module} module
   * @param {WebAssembly.Memory} memory
   */
  constructor(module, memory) {
    this.module = module;
    /** @type {WebAssembly.Memory} */
    this.memory = memory;
    /** @type {Record<string, any>} */
    this.exports = {};
    this.use(memory);
  }

  /**
   * Runs on `memory` from now on (the host replaces a memory grown very large).
   * @param {WebAssembly.Memory} memory
   */
  use(memory) {
    this.memory = memory;
    this.exports = /** @type {Record<string, any>} */ (
      new WebAssembly.Instance(this.module, { env: { memory } }).exports
    );
    for (const name of Object.keys(this.exports)) {
      if (typeof this.exports[name] === 'function') direct(this.exports[name]);
    }
  }

  /**
   * Starts a call on the input the host wrote (`inputLength` bytes), with a budget of `limit` bytes.
   * @param {number} limit
   * @param {number} inputLength
   * @param {number} dirty how far earlier calls and the host wrote
   * @returns {boolean} false when the input alone is over the budget
   */
  begin(limit, inputLength, dirty) {
    return this.exports['begin'](BigInt(limit), BigInt(inputLength), BigInt(dirty)) !== 0n;
  }

  /** How far this call's blocks reach. */
  get bump() {
    return Number(this.global('bump'));
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

  /**
   * Where the output is (null when the guest set none, or set one outside its blocks) and the error message (null
   * when none).
   * @returns {{ output: { ptr: number, len: number } | null, error: string | null }}
   */
  result() {
    const err = /** @type {bigint} */ (this.global('err'));
    if (err !== 0n) return { output: null, error: new TextDecoder().decode(this.read(err)) };
    const ptr = Number(this.global('out_ptr'));
    const len = Number(this.global('out_len'));
    if (ptr < 16 || ptr + len > this.bump) return { output: null, error: null };
    return { output: { ptr, len }, error: null };
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

module.exports = { WorkerKernel };
