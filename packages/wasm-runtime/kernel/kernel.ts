/*
 * The Extism kernel as a Wasm module (AssemblyScript; built to src/kernel/kernel-wasm.ts by
 * `node scripts/build-kernel.mjs`, which a test re-runs to keep the two in step).
 *
 * One module, two uses, over one shared memory per guest worker:
 * - In the worker it is the guest's `extism:host/env` memory, input and output, linked Wasm to Wasm, so the ABI's
 *   8-bytes-per-call loads and stores cost nanoseconds instead of a JS host call with BigInts each.
 * - On the host thread its JSON string functions move big message strings (10 MiB of manifests) in and out of that
 *   memory in place, without JSON.stringify/JSON.parse or a copy per hop.
 *
 * Memory: a bump allocator; a block is `[u64 length][bytes]`, its address the offset of its bytes (0 is null).
 * `begin` starts a call with a budget (runtimeConfig.memory.maxPages); an allocation beyond it returns 0 and sets
 * `failed`. A guest reaches only [16, bump): loads outside read 0, stores outside do nothing (as Extism's kernel),
 * and allocations zero what an earlier call left (up to `dirty`), so nothing crosses from one call to the next.
 */

export let bump: u64 = 16;
let limit: u64 = 0;
let inPtr: u64 = 0;
let inLen: u64 = 0;
export let out_ptr: u64 = 0;
export let out_len: u64 = 0;
export let err: u64 = 0;
export let failed: i32 = 0;
/** Below this offset the memory may hold bytes of an earlier call. */
let dirty: u64 = 0;

const FIRST: u64 = 16;

// ---- Extism ABI (extism:host/env) ----

export function alloc(n: u64): u64 {
  const hdr = (bump + 7) & ~(<u64>7);
  const addr = hdr + 8;
  const end = addr + n;
  if (n > 0xffffffff || end > limit) {
    failed = 1;
    return 0;
  }
  const have = (<u64>memory.size()) << 16;
  if (end > have && memory.grow(<i32>((end - have + 65535) >> 16)) < 0) {
    failed = 1;
    return 0;
  }
  if (bump < dirty) memory.fill(<usize>bump, 0, <usize>(min(end, dirty) - bump));
  store<u64>(<usize>hdr, n);
  bump = end;
  return addr;
}

export function free(_addr: u64): void {}

export function length(addr: u64): u64 {
  if (addr < FIRST + 8 || addr > bump) return 0;
  return load<u64>(<usize>(addr - 8));
}

export function length_unsafe(addr: u64): u64 {
  return length(addr);
}

export function load_u8(addr: u64): u8 {
  return addr >= FIRST && addr < bump ? load<u8>(<usize>addr) : 0;
}

export function load_u64(addr: u64): u64 {
  return addr >= FIRST && addr <= bump - 8 ? load<u64>(<usize>addr) : 0;
}

export function store_u8(addr: u64, value: u8): void {
  if (addr >= FIRST && addr < bump) store<u8>(<usize>addr, value);
}

export function store_u64(addr: u64, value: u64): void {
  if (addr >= FIRST && addr <= bump - 8) store<u64>(<usize>addr, value);
}

export function input_length(): u64 {
  return inLen;
}

export function input_offset(): u64 {
  return inPtr;
}

export function input_load_u8(offset: u64): u8 {
  return offset < inLen ? load<u8>(<usize>(inPtr + offset)) : 0;
}

export function input_load_u64(offset: u64): u64 {
  return inLen >= 8 && offset <= inLen - 8 ? load<u64>(<usize>(inPtr + offset)) : 0;
}

export function output_set(ptr: u64, len: u64): void {
  out_ptr = ptr;
  out_len = len;
}

export function error_set(addr: u64): void {
  err = addr;
}

export function error_get(): u64 {
  return err;
}

// ---- Calls (the worker) ----

/**
 * Starts a call whose input (`inputLength` bytes) the host has already written at offset 24, with a budget of
 * `budget` bytes; `dirtyTop` is how far earlier calls and the host wrote. Returns the input's address, or 0 when the
 * input alone is over the budget.
 */
export function begin(budget: u64, inputLength: u64, dirtyTop: u64): u64 {
  bump = FIRST;
  limit = budget;
  inPtr = 0;
  inLen = 0;
  out_ptr = 0;
  out_len = 0;
  err = 0;
  failed = 0;
  dirty = 0; // the input block is the host's bytes: not zeroed
  const at = alloc(inputLength);
  dirty = dirtyTop;
  if (at == 0) return 0;
  inPtr = at;
  inLen = inputLength;
  return at;
}

/** Starts a call with a budget of `budget` bytes and no input (tests; calls use `begin`). */
export function reset(budget: u64): void {
  begin(budget, 0, 0);
  bump = FIRST;
  inPtr = 0;
}

export function set_input(ptr: u64, len: u64): void {
  inPtr = ptr;
  inLen = len;
}

// ---- JSON strings (the host) ----

const BACKSLASH: u8 = 0x5c;
const QUOTE: u8 = 0x22;

/** Lanes holding a byte JSON escapes in a string: control characters, `"` and `\`. */
function specials(v: v128): i32 {
  const control = i8x16.lt_u(v, i8x16.splat(0x20));
  const quote = i8x16.eq(v, i8x16.splat(QUOTE));
  const backslash = i8x16.eq(v, i8x16.splat(BACKSLASH));
  return i8x16.bitmask(v128.or(control, v128.or(quote, backslash)));
}

/** The letter of a two-byte escape (`\n`), 0 for `\u00XX`, 0xff for none. */
function shortEscape(c: u32): u32 {
  if (c == QUOTE || c == BACKSLASH) return c;
  if (c == 0x0a) return 0x6e;
  if (c == 0x09) return 0x74;
  if (c == 0x0d) return 0x72;
  if (c == 0x08) return 0x62;
  if (c == 0x0c) return 0x66;
  return c < 0x20 ? 0 : 0xff;
}

function extraFor(c: u32): usize {
  const e = shortEscape(c);
  return e == 0xff ? 0 : e == 0 ? 5 : 1;
}

/** How many bytes escaping [at, at + n) as a JSON string body adds. */
export function escape_extra(at: usize, n: usize): usize {
  let extra: usize = 0;
  let i: usize = 0;
  for (; i + 16 <= n; i += 16) {
    let m = specials(v128.load(at + i));
    while (m != 0) {
      extra += extraFor(load<u8>(at + i + <usize>ctz(m)));
      m &= m - 1;
    }
  }
  for (; i < n; i++) extra += extraFor(load<u8>(at + i));
  return extra;
}

function hexDigit(n: u32): u32 {
  return n < 10 ? 0x30 + n : 0x57 + n;
}

/**
 * Escapes the `n` bytes at `at` as a JSON string body in place, growing them by `extra` (escape_extra). Works from
 * the end, so the write position never passes the bytes still to read.
 */
export function escape_backward(at: usize, n: usize, extra: usize): void {
  let r = at + n;
  let w = r + extra;
  while (w != r) {
    if (r - at >= 16) {
      const v = v128.load(r - 16);
      if (specials(v) == 0) {
        r -= 16;
        w -= 16;
        v128.store(w, v);
        continue;
      }
    }
    r--;
    const c = <u32>load<u8>(r);
    const e = shortEscape(c);
    if (e == 0xff) {
      w--;
      store<u8>(w, <u8>c);
    } else if (e != 0) {
      w -= 2;
      store<u8>(w, BACKSLASH);
      store<u8>(w + 1, <u8>e);
    } else {
      w -= 6;
      store<u8>(w, BACKSLASH);
      store<u8>(w + 1, 0x75);
      store<u8>(w + 2, 0x30);
      store<u8>(w + 3, 0x30);
      store<u8>(w + 4, <u8>hexDigit(c >> 4));
      store<u8>(w + 5, <u8>hexDigit(c & 15));
    }
  }
}

function hexValue(c: u32): i32 {
  if (c >= 0x30 && c <= 0x39) return <i32>(c - 0x30);
  c |= 0x20;
  if (c >= 0x61 && c <= 0x66) return <i32>(c - 0x57);
  return -1;
}

/** The four hex digits at `at` as a number, or -1. */
function hex4(at: usize): i32 {
  let v = 0;
  for (let i: usize = 0; i < 4; i++) {
    const d = hexValue(load<u8>(at + i));
    if (d < 0) return -1;
    v = (v << 4) | d;
  }
  return v;
}

/**
 * Finds the string literals of the JSON text [start, end) whose source is at least `threshold` bytes long, and
 * writes each as `[u32 start, u32 end]` (end after the closing quote) at `table` (room for `capacity`, 16 bytes
 * apart). Checks every string as JSON does (no raw control characters, known escapes); the rest of the text is
 * left to JSON.parse. Returns how many it found, -1 for a malformed string, -2 when the table is full.
 */
export function scan_strings(start: usize, end: usize, threshold: usize, table: usize, capacity: i32): i32 {
  let count = 0;
  let i = start;
  while (i < end) {
    if (load<u8>(i) != QUOTE) {
      i++;
      continue;
    }
    const literal = i;
    i++;
    for (;;) {
      if (end - i >= 16) {
        const m = specials(v128.load(i));
        if (m == 0) {
          i += 16;
          continue;
        }
        i += <usize>ctz(m);
      } else if (i >= end) {
        return -1;
      }
      const c = load<u8>(i);
      if (c == QUOTE) break;
      if (c != BACKSLASH) {
        if (c < 0x20) return -1;
        i++;
        continue;
      }
      if (end - i < 2) return -1;
      const e = load<u8>(i + 1);
      if (e == 0x75) {
        if (end - i < 6 || hex4(i + 2) < 0) return -1;
        i += 6;
      } else if (
        e == QUOTE ||
        e == BACKSLASH ||
        e == 0x2f ||
        e == 0x62 ||
        e == 0x66 ||
        e == 0x6e ||
        e == 0x72 ||
        e == 0x74
      ) {
        i += 2;
      } else {
        return -1;
      }
    }
    i++;
    if (i - literal >= threshold) {
      if (count == capacity) return -2;
      const entry = table + ((<usize>count) << 4);
      store<u32>(entry, <u32>literal);
      store<u32>(entry, <u32>i, 4);
      count++;
    }
  }
  return count;
}

function simpleUnescape(e: u32): u32 {
  if (e == 0x6e) return 0x0a;
  if (e == 0x74) return 0x09;
  if (e == 0x72) return 0x0d;
  if (e == 0x62) return 0x08;
  if (e == 0x66) return 0x0c;
  return e; // " \ /
}

/** Writes code point `cp` as UTF-8 at `w`; returns the new write position. */
function putUtf8(w: usize, cp: u32): usize {
  if (cp < 0x80) {
    store<u8>(w, <u8>cp);
    return w + 1;
  }
  if (cp < 0x800) {
    store<u8>(w, <u8>(0xc0 | (cp >> 6)));
    store<u8>(w + 1, <u8>(0x80 | (cp & 0x3f)));
    return w + 2;
  }
  if (cp < 0x10000) {
    store<u8>(w, <u8>(0xe0 | (cp >> 12)));
    store<u8>(w + 1, <u8>(0x80 | ((cp >> 6) & 0x3f)));
    store<u8>(w + 2, <u8>(0x80 | (cp & 0x3f)));
    return w + 3;
  }
  store<u8>(w, <u8>(0xf0 | (cp >> 18)));
  store<u8>(w + 1, <u8>(0x80 | ((cp >> 12) & 0x3f)));
  store<u8>(w + 2, <u8>(0x80 | ((cp >> 6) & 0x3f)));
  store<u8>(w + 3, <u8>(0x80 | (cp & 0x3f)));
  return w + 4;
}

/**
 * Unescapes, in place, the body of each string literal in the table (scan_strings checked them), as UTF-8 starting
 * right after its opening quote; sets each entry's `[u32 length, u32 1 if not ASCII]` at +8. A lone surrogate
 * (`\ud800`) becomes U+FFFD, as any UTF-8 encoder makes of it.
 */
export function unescape_strings(table: usize, count: i32): void {
  for (let k = 0; k < count; k++) {
    const entry = table + ((<usize>k) << 4);
    const body = <usize>load<u32>(entry) + 1;
    const end = <usize>load<u32>(entry, 4) - 1;
    let r = body;
    let w = body;
    let high = i8x16.splat(0);
    let highByte: u32 = 0;
    while (r < end) {
      if (end - r >= 16) {
        const v = v128.load(r);
        if (i8x16.bitmask(i8x16.eq(v, i8x16.splat(BACKSLASH))) == 0) {
          high = v128.or(high, v);
          if (w != r) v128.store(w, v);
          r += 16;
          w += 16;
          continue;
        }
      }
      const c = <u32>load<u8>(r);
      if (c != BACKSLASH) {
        highByte |= c;
        store<u8>(w, <u8>c);
        r++;
        w++;
        continue;
      }
      const e = <u32>load<u8>(r + 1);
      if (e != 0x75) {
        store<u8>(w, <u8>simpleUnescape(e));
        r += 2;
        w++;
        continue;
      }
      let cp = <u32>hex4(r + 2);
      r += 6;
      if (cp >= 0xd800 && cp < 0xdc00) {
        const low = end - r >= 6 && load<u8>(r) == BACKSLASH && load<u8>(r + 1) == 0x75 ? hex4(r + 2) : -1;
        if (low >= 0xdc00 && low < 0xe000) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (<u32>low - 0xdc00);
          r += 6;
        } else {
          cp = 0xfffd;
        }
      } else if (cp >= 0xdc00 && cp < 0xe000) {
        cp = 0xfffd;
      }
      if (cp >= 0x80) highByte = 0x80;
      w = putUtf8(w, cp);
    }
    const ascii = i8x16.bitmask(high) == 0 && highByte < 0x80;
    store<u32>(entry, <u32>(w - body), 8);
    store<u32>(entry, ascii ? 0 : 1, 12);
  }
}
