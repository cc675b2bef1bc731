/** Collects a child's output up to `limit` bytes; `add` returns false once the limit is passed. */
export class CappedBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  overflowed = false;

  constructor(readonly limit: number) {}

  add(chunk: Buffer): boolean {
    if (this.overflowed) return false;
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.overflowed = true;
      this.chunks.length = 0;
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}

/** Keeps the last `limit` bytes of a stream (for an error message), never more. */
export class TailBuffer {
  private tail = Buffer.alloc(0);

  constructor(readonly limit: number) {}

  add(chunk: Buffer): void {
    const joined = Buffer.concat([this.tail, chunk]);
    this.tail = joined.length > this.limit ? joined.subarray(joined.length - this.limit) : joined;
  }

  text(): string {
    return this.tail.toString('utf8');
  }
}
