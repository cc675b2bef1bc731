import type { Readable } from 'node:stream';

/**
 * Reads up to `max` bytes from a stream, waiting for data; an empty array at end of input (or when the stream
 * fails or is destroyed). Bytes beyond `max` are pushed back for the next read.
 */
export async function readUpTo(stream: Readable, max: number, signal: AbortSignal): Promise<Uint8Array> {
  for (;;) {
    if (signal.aborted || stream.destroyed || stream.readableEnded) return new Uint8Array(0);
    const chunk: unknown = stream.read();
    if (chunk !== null) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      if (bytes.length > max) {
        stream.unshift(bytes.subarray(max));
        return bytes.subarray(0, max);
      }
      return bytes;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('readable', done);
        stream.off('end', done);
        stream.off('close', done);
        stream.off('error', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      stream.on('readable', done);
      stream.on('end', done);
      stream.on('close', done);
      stream.on('error', done);
      signal.addEventListener('abort', done);
    });
  }
}
