/** Thrown for bytes that are not the Wasm binary format (truncated, overlong LEB128, bad magic). */
export class MalformedWasmError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'MalformedWasmError';
  }
}

/** A cursor over Wasm bytes with the primitive decoders of the binary format. */
export class WasmReader {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  byte(): number {
    if (this.pos >= this.end) throw new MalformedWasmError('unexpected end', this.pos);
    return this.bytes[this.pos++] as number;
  }

  /** Unsigned LEB128, at most 32 bits. */
  u32(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.byte();
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
    }
    throw new MalformedWasmError('LEB128 too long', this.pos);
  }

  /** Skips a LEB128 (signed or unsigned) of at most `maxBytes` bytes. */
  skipLeb(maxBytes: number): void {
    for (let i = 0; i < maxBytes; i++) if ((this.byte() & 0x80) === 0) return;
    throw new MalformedWasmError('LEB128 too long', this.pos);
  }

  skip(n: number): void {
    if (this.pos + n > this.end) throw new MalformedWasmError('unexpected end', this.pos);
    this.pos += n;
  }

  name(): string {
    const length = this.u32();
    const start = this.pos;
    this.skip(length);
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes.subarray(start, this.pos));
  }

  /** Limits of a memory or table: `{min, max?, flags}`. */
  limits(): { flags: number; min: number; max: number | undefined } {
    const flags = this.byte();
    if (flags > 0x03) throw new MalformedWasmError(`unsupported limits flags 0x${flags.toString(16)}`, this.pos - 1);
    const min = this.u32();
    const max = (flags & 0x01) !== 0 ? this.u32() : undefined;
    return { flags, min, max };
  }
}
