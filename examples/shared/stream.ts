import {
  alloc,
  input_length,
  input_load_u8,
  input_load_u64,
  load_u64,
  output_set,
  store_u8,
  store_u64,
} from '@extism/as-pdk/lib/env';
import { readString } from './json';

/*
 * Streaming access to the Extism input and output, for plugins whose messages are large (a post-renderer's
 * manifests): the input is read through a window of guest memory, the output is written straight into a block of
 * the host's memory. Each call gets a fresh Wasm instance, so every guest page it touches is a new page fault:
 * `Host.input()` plus an output buffer would touch twice the message's size.
 */

/** A window on the input: `data[0, len)` holds the input's bytes `[base, base + len)`. */
export class InputWindow {
  data: Uint8Array;
  base: i64 = 0;
  len: i32 = 0;
  readonly total: i64 = <i64>input_length();

  constructor(public capacity: i32 = 65536) {
    // 8 bytes of slack: word-at-a-time scans may read a little past `len`.
    this.data = new Uint8Array(capacity + 8);
  }

  /** The window index of the input offset `at`. */
  index(at: i64): i32 {
    return <i32>(at - this.base);
  }

  /** The input offset of the window index `i`. */
  offset(i: i32): i64 {
    return this.base + <i64>i;
  }

  /** Whether the window reaches the end of the input. */
  exhausted(): bool {
    return this.base + <i64>this.len >= this.total;
  }

  /** Starts the window at the input offset `at`. */
  seek(at: i64): void {
    this.base = at;
    this.len = 0;
    this.fill();
  }

  /**
   * Reads more input, keeping the bytes from `keep` on: slides the window to start at `keep`, or doubles it
   * when it already starts there. False when there is no more input.
   */
  extend(keep: i64): bool {
    if (this.exhausted()) return false;
    const drop = this.index(keep);
    if (drop >= this.len) {
      this.seek(keep);
      return true;
    }
    if (drop > 0) {
      this.len -= drop;
      memory.copy(this.data.dataStart, this.data.dataStart + <usize>drop, <usize>this.len);
      this.base = keep;
    } else {
      this.capacity *= 2;
      const bigger = new Uint8Array(this.capacity + 8);
      memory.copy(bigger.dataStart, this.data.dataStart, <usize>this.len);
      this.data = bigger;
    }
    this.fill();
    return true;
  }

  /** The byte at the input offset `at` (moving the window there if needed), or -1 outside the input. */
  byteAt(at: i64): i32 {
    if (at < 0 || at >= this.total) return -1;
    if (at < this.base || at >= this.base + <i64>this.len) this.seek(at);
    return this.data[this.index(at)];
  }

  private fill(): void {
    const from = this.base + <i64>this.len;
    let want = this.total - from;
    if (want < 0) want = 0;
    if (want > <i64>(this.capacity - this.len)) want = <i64>(this.capacity - this.len);
    const n = <i32>want;
    const dst = this.data.dataStart + <usize>this.len;
    let i = 0;
    for (; i + 8 <= n; i += 8) store<u64>(dst + <usize>i, input_load_u64(<u64>(from + <i64>i)));
    for (; i < n; i++) store<u8>(dst + <usize>i, input_load_u8(<u64>(from + <i64>i)));
    this.len += n;
  }
}

/**
 * The output, written straight into a block of the host's memory allocated with an estimate of its size (the
 * output is the bytes written, not the whole block). Past the estimate it moves to a block twice as large: a copy
 * through the guest, host memory to host memory, so estimate to make that rare.
 */
export class OutputBlock {
  size: i32 = 0;
  /** An allocation failed: the output is incomplete. */
  failed: bool = false;
  private addr: u64;

  constructor(private capacity: i64) {
    this.addr = OutputBlock.allocate(capacity);
    this.failed = this.addr == 0;
  }

  /** Appends the `n` bytes at `src` (guest memory). */
  write(src: usize, n: i32): void {
    if (this.failed || (<i64>this.size + <i64>n > this.capacity && !this.grow(<i64>this.size + <i64>n))) return;
    const dst = this.addr + <u64>this.size;
    if (n >= 8) {
      let i = 0;
      for (; i + 8 <= n; i += 8) store_u64(dst + <u64>i, load<u64>(src + <usize>i));
      // The last, partial word: an overlapping store of the last 8 bytes.
      if (i < n) store_u64(dst + <u64>(n - 8), load<u64>(src + <usize>(n - 8)));
    } else {
      for (let i = 0; i < n; i++) store_u8(dst + <u64>i, load<u8>(src + <usize>i));
    }
    this.size += n;
  }

  append(bytes: Uint8Array): void {
    this.write(bytes.dataStart, bytes.length);
  }

  /** Makes the bytes written the output; false when an allocation failed. */
  finish(): bool {
    if (!this.failed) output_set(this.addr, <u64>this.size);
    return !this.failed;
  }

  private grow(need: i64): bool {
    let capacity = this.capacity * 2;
    if (capacity < need) capacity = need;
    const addr = OutputBlock.allocate(capacity);
    if (addr == 0) {
      this.failed = true;
      return false;
    }
    // Whole words: both blocks are.
    for (let i: u64 = 0; i < <u64>this.size; i += 8) store_u64(addr + i, load_u64(this.addr + i));
    this.addr = addr;
    this.capacity = capacity;
    return true;
  }

  private static allocate(capacity: i64): u64 {
    // Whole words, so that the last partial word of a copy stays inside the block.
    return capacity > 0xffff_fff0 ? 0 : alloc(<u64>((capacity + 7) & ~7));
  }
}

function isSpace(c: i32): bool {
  return c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09;
}

/** The index after the JSON value at `at` in `json[0, stop)`, or -1 when the value runs past `stop`. */
function valueEnd(json: Uint8Array, at: i32, stop: i32): i32 {
  let depth = 0;
  let inString = false;
  for (let i = at; i < stop; i++) {
    const c = unchecked(json[i]);
    if (inString) {
      if (c == 0x5c) i++;
      else if (c == 0x22) {
        inString = false;
        if (depth == 0) return i + 1;
      }
    } else if (c == 0x22) inString = true;
    else if (c == 0x7b || c == 0x5b) depth++;
    else if (c == 0x7d || c == 0x5d) {
      if (depth == 0) return i; // the end of a scalar
      if (--depth == 0) return i + 1;
    } else if (depth == 0 && (c == 0x2c || isSpace(c))) return i;
  }
  return -1;
}

/**
 * The members of the input's top-level JSON object, first to last, through an InputWindow. `next()` stops at
 * each member's value (at `at`); the caller reads it (`stringArray()`), moves `at` past it itself, or leaves it
 * to the next `next()` to skip. A value read or skipped is held whole in the window: for small values.
 */
export class TopLevelMembers {
  /** The input offset of the current value. */
  at: i64 = -1;
  private valueAt: i64 = -1;
  private key: Uint8Array = new Uint8Array(0);

  constructor(private window: InputWindow) {
    const at = this.skipSpace(0);
    if (window.byteAt(at) == 0x7b) this.at = at + 1;
  }

  /** Goes on with the members after the value that ends at input offset `at`. */
  resume(at: i64): void {
    this.at = at;
    this.valueAt = -1;
  }

  /** Moves to the next member's value; false at the end of the object or on malformed input. */
  next(): bool {
    if (this.at < 0) return false;
    if (this.at == this.valueAt) this.at += <i64>this.value().length;
    let c = this.window.byteAt((this.at = this.skipSpace(this.at)));
    if (c == 0x2c) c = this.window.byteAt((this.at = this.skipSpace(this.at + 1)));
    if (c != 0x22) return false;
    const key = this.value();
    this.key = (readString(key, 0) as Uint8Array).slice(); // the window moves on
    this.at = this.skipSpace(this.at + <i64>key.length);
    if (this.window.byteAt(this.at) != 0x3a) return false;
    this.valueAt = this.at = this.skipSpace(this.at + 1);
    return true;
  }

  keyIs(name: string): bool {
    return sameBytes(this.key, name);
  }

  /** The first byte of the current value, or -1 at the end of the input. */
  peek(): i32 {
    return this.window.byteAt(this.at);
  }

  /** The strings of the current value, an array (others skipped; none when it is not an array). */
  stringArray(): Array<Uint8Array> {
    return stringsOf(this.value());
  }

  /** The value at `at`, whole in the window: a view, valid until the window moves. */
  private value(): Uint8Array {
    const w = this.window;
    if (w.byteAt(this.at) < 0) return new Uint8Array(0);
    while (true) {
      const i = w.index(this.at);
      let end = valueEnd(w.data, i, w.len);
      if (end < 0 && w.exhausted()) end = w.len;
      if (end >= 0) return w.data.subarray(i, end);
      w.extend(this.at);
    }
  }

  private skipSpace(at: i64): i64 {
    while (isSpace(this.window.byteAt(at))) at++;
    return at;
  }
}

/**
 * The members at the end of the input's top-level object, last to first, read backwards from its closing brace
 * in the input's last window: the small members after a big one (`{"manifests": "<10 MiB>", "extraArgs": […]}`)
 * without reading the big one. `previous()` stops when the next value back does not fit in the window;
 * `unreadEnd` is then that value's last byte (the big string's closing quote).
 */
export class TrailingMembers {
  /** The input offset of the current value's first byte, and of its last. */
  start: i64 = -1;
  end: i64 = -1;
  /** The input offset of the last byte of the part not read (-1 once the whole object is read). */
  unreadEnd: i64 = -1;
  private key: Uint8Array = new Uint8Array(0);
  /** The window index of the last byte of the member before the current one (-1 when there is none). */
  private j: i32 = -1;

  constructor(private window: InputWindow) {
    const start = window.total - <i64>window.capacity;
    window.seek(start > 0 ? start : 0);
    const j = this.skipSpace(window.len - 1);
    if (j >= 0 && window.data[j] == 0x7d) this.j = j - 1;
    else this.unreadEnd = window.total - 1;
  }

  /** Moves to the previous member's value; false at the start of the object, or when that value is too big. */
  previous(): bool {
    if (this.j < 0) return false;
    const w = this.window;
    const data = w.data;
    const last = this.skipSpace(this.j);
    if (last >= 0 && data[last] == 0x7b) return false; // an empty object
    const first = last < 0 ? -1 : valueStartBack(data, last);
    let k = first < 0 ? -1 : this.skipSpace(first - 1);
    if (k >= 0 && data[k] == 0x3a) k = this.skipSpace(k - 1);
    const keyStart = k >= 0 && data[k] == 0x22 ? valueStartBack(data, k) : -1;
    const before = keyStart < 0 ? -1 : this.skipSpace(keyStart - 1);
    if (before < 0 || (data[before] != 0x2c && data[before] != 0x7b)) {
      this.unreadEnd = last < 0 ? -1 : w.offset(last);
      this.j = -1;
      return false;
    }
    this.key = (readString(data, keyStart) as Uint8Array).slice();
    this.start = w.offset(first);
    this.end = w.offset(last);
    this.j = data[before] == 0x2c ? before - 1 : -1;
    return true;
  }

  keyIs(name: string): bool {
    return sameBytes(this.key, name);
  }

  /** The strings of the current value, an array (others skipped; none when it is not an array). */
  stringArray(): Array<Uint8Array> {
    const w = this.window;
    return stringsOf(w.data.subarray(w.index(this.start), w.index(this.end) + 1));
  }

  private skipSpace(j: i32): i32 {
    while (j >= 0 && isSpace(this.window.data[j])) j--;
    return j;
  }
}

/** The index of the first byte of the JSON value whose last byte is at `j`, or -1 when it starts before 0. */
function valueStartBack(json: Uint8Array, j: i32): i32 {
  const c = json[j];
  if (c == 0x22) return stringStartBack(json, j);
  if (c == 0x5d || c == 0x7d) {
    let depth = 0;
    for (let i = j; i >= 0; i--) {
      const d = json[i];
      if (d == 0x22) {
        i = stringStartBack(json, i);
        if (i < 0) return -1;
      } else if (d == 0x5d || d == 0x7d) depth++;
      else if ((d == 0x5b || d == 0x7b) && --depth == 0) return i;
    }
    return -1;
  }
  let i = j;
  while (i >= 0 && !isSpace(json[i]) && json[i] != 0x2c && json[i] != 0x3a && json[i] != 0x5b && json[i] != 0x7b) i--;
  return i < 0 ? -1 : i + 1;
}

/** The index of the opening quote of the JSON string whose closing quote is at `j`, or -1 when it is before 0. */
function stringStartBack(json: Uint8Array, j: i32): i32 {
  for (let i = j - 1; i >= 0; i--) {
    if (json[i] != 0x22) continue;
    // A quote opens the string unless an odd run of backslashes escapes it.
    let k = i - 1;
    while (k >= 0 && json[k] == 0x5c) k--;
    if (k < 0) return -1; // the run may go on before the window
    if ((i - 1 - k) % 2 == 0) return i;
  }
  return -1;
}

function sameBytes(bytes: Uint8Array, s: string): bool {
  const want = String.UTF8.encode(s);
  return (
    bytes.length == want.byteLength &&
    memory.compare(bytes.dataStart, changetype<usize>(want), <usize>bytes.length) == 0
  );
}

/**
 * The strings of the JSON array `json` (whole), unescaped and copied; other elements are skipped. Unlike
 * json.ts readStringArray, it always moves on: a stray `}` in the array does not hold it.
 */
function stringsOf(json: Uint8Array): Array<Uint8Array> {
  const strings = new Array<Uint8Array>();
  if (json.length == 0 || json[0] != 0x5b) return strings;
  for (let i = 1; i < json.length; ) {
    const c = json[i];
    if (c == 0x5d) break;
    if (c == 0x2c || isSpace(c)) {
      i++;
      continue;
    }
    if (c == 0x22) strings.push((readString(json, i) as Uint8Array).slice());
    const end = valueEnd(json, i, json.length);
    i = end > i ? end : end < 0 ? json.length : i + 1;
  }
  return strings;
}
