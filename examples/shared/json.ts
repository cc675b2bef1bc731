import { ByteBuf } from './bytes';

/*
 * Just enough JSON for Helm's plugin messages, on UTF-8 bytes: find a field of the top-level object, read a
 * string or an array of strings, write an escaped string. Strings come back as UTF-8 bytes.
 */

function isSpace(c: u8): bool {
  return c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09;
}

function skipSpace(json: Uint8Array, at: i32): i32 {
  while (at < json.length && isSpace(unchecked(json[at]))) at++;
  return at;
}

/** The index after the string starting at `at` (a quote). */
function skipString(json: Uint8Array, at: i32): i32 {
  at++;
  while (at < json.length) {
    const c = unchecked(json[at]);
    if (c == 0x5c) at += 2;
    else if (c == 0x22) return at + 1;
    else at++;
  }
  return at;
}

/** The index after the value starting at `at`. */
function skipValue(json: Uint8Array, at: i32): i32 {
  at = skipSpace(json, at);
  if (at >= json.length) return at;
  const c = json[at];
  if (c == 0x22) return skipString(json, at);
  if (c == 0x7b || c == 0x5b) {
    let depth = 0;
    while (at < json.length) {
      const d = unchecked(json[at]);
      if (d == 0x22) {
        at = skipString(json, at);
        continue;
      }
      if (d == 0x7b || d == 0x5b) depth++;
      else if (d == 0x7d || d == 0x5d) {
        depth--;
        if (depth == 0) return at + 1;
      }
      at++;
    }
    return at;
  }
  while (at < json.length) {
    const d = unchecked(json[at]);
    if (d == 0x2c || d == 0x7d || d == 0x5d || isSpace(d)) break;
    at++;
  }
  return at;
}

/** Where the value of the top-level object's member `key` starts, or -1. */
export function findField(json: Uint8Array, key: string): i32 {
  const k = Uint8Array.wrap(String.UTF8.encode(key));
  let at = skipSpace(json, 0);
  if (at >= json.length || json[at] != 0x7b) return -1;
  at++;
  while (at < json.length) {
    at = skipSpace(json, at);
    if (at >= json.length || json[at] == 0x7d) return -1;
    if (json[at] == 0x2c) {
      at++;
      continue;
    }
    const nameStart = at;
    at = skipString(json, at);
    const name = readString(json, nameStart);
    at = skipSpace(json, at);
    if (at < json.length && json[at] == 0x3a) at++;
    at = skipSpace(json, at);
    if (name != null && name.length == k.length && memory.compare(name.dataStart, k.dataStart, <usize>k.length) == 0) {
      return at;
    }
    at = skipValue(json, at);
  }
  return -1;
}

function hex(c: u8): i32 {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function hex4(json: Uint8Array, at: i32): i32 {
  if (at + 4 > json.length) return -1;
  const a = hex(json[at]);
  const b = hex(json[at + 1]);
  const c = hex(json[at + 2]);
  const d = hex(json[at + 3]);
  if (a < 0 || b < 0 || c < 0 || d < 0) return -1;
  return (a << 12) | (b << 8) | (c << 4) | d;
}

function pushCodePoint(out: ByteBuf, cp: i32): void {
  if (cp < 0x80) out.push(<u8>cp);
  else if (cp < 0x800) {
    out.push(<u8>(0xc0 | (cp >> 6)));
    out.push(<u8>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push(<u8>(0xe0 | (cp >> 12)));
    out.push(<u8>(0x80 | ((cp >> 6) & 0x3f)));
    out.push(<u8>(0x80 | (cp & 0x3f)));
  } else {
    out.push(<u8>(0xf0 | (cp >> 18)));
    out.push(<u8>(0x80 | ((cp >> 12) & 0x3f)));
    out.push(<u8>(0x80 | ((cp >> 6) & 0x3f)));
    out.push(<u8>(0x80 | (cp & 0x3f)));
  }
}

/** The string value at `at` (a quote), unescaped, as UTF-8 bytes; null when it is not a string. */
export function readString(json: Uint8Array, at: i32): Uint8Array | null {
  if (at < 0 || at >= json.length || json[at] != 0x22) return null;
  const start = at + 1;
  // Fast path: no escapes.
  let end = start;
  while (end < json.length) {
    const c = unchecked(json[end]);
    if (c == 0x22 || c == 0x5c) break;
    end++;
  }
  if (end < json.length && json[end] == 0x22) return json.subarray(start, end);
  const out = new ByteBuf(end - start + 64);
  out.appendRange(json, start, end);
  at = end;
  while (at < json.length) {
    const c = unchecked(json[at]);
    if (c == 0x22) break;
    if (c != 0x5c) {
      // Copy the run up to the next quote or backslash.
      let run = at + 1;
      while (run < json.length) {
        const d = unchecked(json[run]);
        if (d == 0x22 || d == 0x5c) break;
        run++;
      }
      out.appendRange(json, at, run);
      at = run;
      continue;
    }
    at++;
    if (at >= json.length) break;
    const e = json[at];
    at++;
    if (e == 0x6e) out.push(0x0a);
    else if (e == 0x74) out.push(0x09);
    else if (e == 0x72) out.push(0x0d);
    else if (e == 0x62) out.push(0x08);
    else if (e == 0x66) out.push(0x0c);
    else if (e == 0x75) {
      let cp = hex4(json, at);
      at += 4;
      if (cp >= 0xd800 && cp < 0xdc00 && at + 6 <= json.length && json[at] == 0x5c && json[at + 1] == 0x75) {
        const low = hex4(json, at + 2);
        if (low >= 0xdc00 && low < 0xe000) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          at += 6;
        }
      }
      pushCodePoint(out, cp < 0 ? 0xfffd : cp);
    } else out.push(e); // \" \\ \/
  }
  return out.view().slice();
}

/** The array of strings at `at`; null entries for non-strings; an empty array for null. */
export function readStringArray(json: Uint8Array, at: i32): Array<Uint8Array> {
  const result: Uint8Array[] = [];
  if (at < 0 || at >= json.length || json[at] != 0x5b) return result;
  at++;
  while (at < json.length) {
    at = skipSpace(json, at);
    if (at >= json.length || json[at] == 0x5d) break;
    if (json[at] == 0x2c) {
      at++;
      continue;
    }
    const s = readString(json, at);
    if (s != null) result.push(s);
    const next = skipValue(json, at);
    if (next <= at) break; // malformed (e.g. a stray `}`): no progress
    at = next;
  }
  return result;
}

const HEX = '0123456789abcdef';

/** Appends `bytes` as a JSON string (quoted, escaped; UTF-8 passes through). */
export function writeString(out: ByteBuf, bytes: Uint8Array): void {
  out.push(0x22);
  writeEscaped(out, bytes);
  out.push(0x22);
}

/** Appends `bytes` JSON-escaped, without the quotes. */
export function writeEscaped(out: ByteBuf, bytes: Uint8Array): void {
  let run = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const c = unchecked(bytes[i]);
    if (c >= 0x20 && c != 0x22 && c != 0x5c) continue;
    out.appendRange(bytes, run, i);
    run = i + 1;
    out.push(0x5c);
    if (c == 0x22 || c == 0x5c) out.push(c);
    else if (c == 0x0a) out.push(0x6e);
    else if (c == 0x09) out.push(0x74);
    else if (c == 0x0d) out.push(0x72);
    else {
      out.push(0x75);
      out.push(0x30);
      out.push(0x30);
      out.push(<u8>HEX.charCodeAt(c >> 4));
      out.push(<u8>HEX.charCodeAt(c & 15));
    }
  }
  out.appendRange(bytes, run, n);
}

/** The index after the JSON string starting at `at` (a quote). */
export function stringEnd(json: Uint8Array, at: i32): i32 {
  return skipString(json, at);
}
