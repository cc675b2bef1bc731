/** A growable byte buffer for writing Wasm binaries. */
export class ByteSink {
  #buf: Uint8Array;
  #len = 0;

  constructor(capacity = 256) {
    this.#buf = new Uint8Array(capacity);
  }

  get length(): number {
    return this.#len;
  }

  #reserve(extra: number): void {
    if (this.#len + extra <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }

  bytes(values: ArrayLike<number>): this {
    this.#reserve(values.length);
    this.#buf.set(values, this.#len);
    this.#len += values.length;
    return this;
  }

  result(): Uint8Array {
    return this.#buf.slice(0, this.#len);
  }
}
