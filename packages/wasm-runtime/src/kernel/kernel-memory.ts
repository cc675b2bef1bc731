import { kernelModule, newKernelMemory } from './kernel-module.js';

/** Where a call's input block starts: its header at 16, the kernel's first block. */
export const INPUT_AT = 24;

/**
 * Strings at least this long (UTF-16 units going in, bytes of JSON coming out) are escaped and unescaped by the
 * kernel in place; the JSON around them stays small. Below it JSON.stringify/JSON.parse are as fast.
 */
export const BIG_STRING = 64 * 1024;

/** The JSON strings big strings stand in for in the small JSON. */
interface Tokens {
  /** A NUL and a per-process nonce (no clash), then the big string's index. */
  token: string;
  /** `token` inside a JSON string literal. */
  json: string;
  /** A JSON string literal `"<token><index>"`, the index captured. */
  literal: RegExp;
}

let tokens: Tokens | undefined;

/** Made on first use (a call with a big string), so starting a call loads no crypto. */
function bigStringTokens(): Tokens {
  if (tokens === undefined) {
    const nonce = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(8))).toString('hex');
    const token = `\u0000helm4:${nonce}:`;
    const json = JSON.stringify(token).slice(1, -1);
    tokens = { token, json, literal: new RegExp(`"${json.replace(/\\/g, '\\\\')}(\\d+)"`) };
  }
  return tokens;
}

interface KernelCodec {
  escape_extra(at: number, n: number): number;
  escape_backward(at: number, n: number, extra: number): void;
  scan_strings(start: number, end: number, threshold: number, table: number, capacity: number): number;
  unescape_strings(table: number, count: number): void;
}

/**
 * The host side of one guest worker's kernel memory (shared with the worker): writes a call's input message as JSON
 * at INPUT_AT and reads the output message's JSON where the guest left it, moving big strings (manifests) without
 * JSON.stringify/JSON.parse or copies between threads. Tracks how far anything was written (`dirty`), so the kernel
 * zeroes what a call's blocks reuse.
 */
export class KernelMemory {
  readonly memory: WebAssembly.Memory;
  readonly #codec: KernelCodec;
  #view: Buffer;
  /** Everything at or above this offset is still zero. */
  dirty = 0;

  constructor(memory: WebAssembly.Memory = newKernelMemory()) {
    this.memory = memory;
    this.#codec = new WebAssembly.Instance(kernelModule(), { env: { memory } }).exports as unknown as KernelCodec;
    this.#view = Buffer.from(memory.buffer);
  }

  get size(): number {
    return this.memory.buffer.byteLength;
  }

  /** Notes that offsets below `top` were written. */
  written(top: number): void {
    if (top > this.dirty) this.dirty = top;
  }

  /** Writes `message` as JSON at INPUT_AT; returns its length in bytes. Throws a RangeError past 4 GiB. */
  writeInput(message: unknown): number {
    const big: string[] = [];
    const json = JSON.stringify(message, (_key, value: unknown) => {
      if (typeof value !== 'string' || value.length < BIG_STRING) return value;
      big.push(value);
      return `${bigStringTokens().token}${big.length - 1}`;
    });
    // Split on the tokens: [json, index, json, index, …, json].
    const parts = big.length === 0 ? [json] : json.split(bigStringTokens().literal);
    let at = INPUT_AT;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      if (i % 2 === 0) {
        at = this.#writeText(at, part);
        continue;
      }
      const value = big[Number(part)] as string;
      const n = Buffer.byteLength(value);
      this.#ensure(at + 1 + n);
      this.#bytes()[at] = 0x22;
      this.#bytes().write(value, at + 1, n, 'utf8');
      const extra = this.#codec.escape_extra(at + 1, n);
      this.#ensure(at + 2 + n + extra);
      this.#codec.escape_backward(at + 1, n, extra);
      at += 1 + n + extra;
      this.#bytes()[at++] = 0x22;
    }
    this.written(at);
    return at - INPUT_AT;
  }

  /** The JSON value of the `len` bytes at `ptr`. Throws a SyntaxError when they are not JSON. */
  readOutput(ptr: number, len: number): unknown {
    const end = ptr + len;
    if (len < BIG_STRING) return JSON.parse(this.#bytes().toString('utf8', ptr, end));
    const capacity = Math.floor(len / BIG_STRING) + 1;
    const table = (end + 7) & ~7;
    this.#ensure(table + capacity * 16);
    this.written(table + capacity * 16);
    const count = this.#codec.scan_strings(ptr, end, BIG_STRING, table, capacity);
    // A malformed string (-1): JSON.parse says what is wrong with it.
    if (count <= 0) return JSON.parse(this.#bytes().toString('utf8', ptr, end));
    this.#codec.unescape_strings(table, count);
    const bytes = this.#bytes();
    const strings: string[] = [];
    let small = '';
    let from = ptr;
    for (let i = 0; i < count; i++) {
      const entry = table + i * 16;
      const start = bytes.readUInt32LE(entry);
      const literalEnd = bytes.readUInt32LE(entry + 4);
      const length = bytes.readUInt32LE(entry + 8);
      const ascii = bytes.readUInt32LE(entry + 12) === 0;
      // An ASCII string is the same in latin1, which Node turns into a string without decoding.
      strings.push(bytes.toString(ascii ? 'latin1' : 'utf8', start + 1, start + 1 + length));
      small += `${bytes.toString('utf8', from, start)}"${bigStringTokens().json}${i}"`;
      from = literalEnd;
    }
    small += bytes.toString('utf8', from, end);
    return restore(JSON.parse(small), strings);
  }

  #bytes(): Buffer {
    if (this.#view.length !== this.memory.buffer.byteLength) this.#view = Buffer.from(this.memory.buffer);
    return this.#view;
  }

  #ensure(end: number): void {
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / 65_536));
  }

  #writeText(at: number, text: string): number {
    const n = Buffer.byteLength(text);
    this.#ensure(at + n);
    this.#bytes().write(text, at, n, 'utf8');
    return at + n;
  }
}

/** Puts the big strings back where their tokens are (values and keys). */
function restore(value: unknown, strings: readonly string[]): unknown {
  if (typeof value === 'string') {
    const { token } = bigStringTokens();
    return value.startsWith(token) ? (strings[Number(value.slice(token.length))] ?? value) : value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restore(value[i], strings);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [restore(key, strings) as string, restore(v, strings)]),
  );
}
