/** A growable byte buffer. */
export class ByteBuf {
  data: Uint8Array;
  length: i32 = 0;

  constructor(capacity: i32 = 256) {
    this.data = new Uint8Array(capacity < 16 ? 16 : capacity);
  }

  private reserve(extra: i32): void {
    const need = this.length + extra;
    if (need <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    memory.copy(next.dataStart, this.data.dataStart, <usize>this.length);
    this.data = next;
  }

  push(b: u8): void {
    this.reserve(1);
    unchecked((this.data[this.length++] = b));
  }

  append(bytes: Uint8Array): void {
    this.appendRange(bytes, 0, bytes.length);
  }

  appendRange(bytes: Uint8Array, start: i32, end: i32): void {
    const n = end - start;
    if (n <= 0) return;
    this.reserve(n);
    memory.copy(this.data.dataStart + <usize>this.length, bytes.dataStart + <usize>start, <usize>n);
    this.length += n;
  }

  appendString(s: string): void {
    this.append(Uint8Array.wrap(String.UTF8.encode(s)));
  }

  /** The bytes written so far (a view, no copy). */
  view(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return Uint8Array.wrap(String.UTF8.encode(s));
}

/** A string from UTF-8 bytes. */
export function str(bytes: Uint8Array): string {
  return String.UTF8.decodeUnsafe(bytes.dataStart, <usize>bytes.length);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): bool {
  if (a.length != b.length) return false;
  return memory.compare(a.dataStart, b.dataStart, <usize>a.length) == 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (Go's encoding of a []byte in JSON). */
export function base64(bytes: Uint8Array, out: ByteBuf): void {
  const table = utf8(B64);
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = ((<u32>unchecked(bytes[i])) << 16) | ((<u32>unchecked(bytes[i + 1])) << 8) | <u32>unchecked(bytes[i + 2]);
    out.push(unchecked(table[(v >> 18) & 63]));
    out.push(unchecked(table[(v >> 12) & 63]));
    out.push(unchecked(table[(v >> 6) & 63]));
    out.push(unchecked(table[v & 63]));
  }
  if (i < n) {
    const rest = n - i;
    const v = ((<u32>bytes[i]) << 16) | (rest == 2 ? (<u32>bytes[i + 1]) << 8 : 0);
    out.push(table[(v >> 18) & 63]);
    out.push(table[(v >> 12) & 63]);
    out.push(rest == 2 ? table[(v >> 6) & 63] : 0x3d);
    out.push(0x3d);
  }
}
