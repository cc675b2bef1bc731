import { Writable } from 'node:stream';

/** A Writable that keeps what it receives, and can wait (event-driven, no polling) for some text to arrive. */
export interface Collector {
  stream: Writable;
  text(): string;
  /** Resolves once the received text contains `needle`. */
  waitFor(needle: string): Promise<void>;
}

export function collector(): Collector {
  const chunks: Buffer[] = [];
  let waiters: { needle: string; resolve: () => void }[] = [];
  const text = () => Buffer.concat(chunks).toString('utf8');
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      const now = text();
      waiters = waiters.filter((w) => {
        if (!now.includes(w.needle)) return true;
        w.resolve();
        return false;
      });
      callback();
    },
  });
  return {
    stream,
    text,
    waitFor(needle) {
      if (text().includes(needle)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ needle, resolve }));
    },
  };
}
