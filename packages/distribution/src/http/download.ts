import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { distError } from '../codes.js';
import type { ProgressReporter } from '../progress/progress.js';
import { type HttpResponse, redactUrl } from './client.js';

export interface DownloadLimits {
  /** Bytes a download may have; default 256 MiB. */
  maxBytes?: number;
}

export const DEFAULT_MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024;

/**
 * Streams a response body to `file`, refusing more than `maxBytes` (by Content-Length up front, then by count),
 * reporting progress. Returns the size and SHA-256 (hex) of what was written.
 */
export async function saveBody(
  res: HttpResponse,
  file: string,
  options: DownloadLimits & { progress?: ProgressReporter | undefined; label?: string } = {},
): Promise<{ size: number; sha256: string }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  const length = Number(res.headers['content-length']);
  const total = Number.isFinite(length) && length >= 0 ? length : undefined;
  const tooLarge = () =>
    distError('DIST_DOWNLOAD_TOO_LARGE', `${redactUrl(res.url)} is larger than ${maxBytes} bytes`, {
      hint: 'a plugin this big is refused; check the URL',
      details: { url: redactUrl(res.url), maxBytes, ...(total === undefined ? {} : { contentLength: total }) },
    });
  if (total !== undefined && total > maxBytes) {
    res.body.destroy();
    throw tooLarge();
  }
  const hash = createHash('sha256');
  let size = 0;
  const task = options.progress?.start(options.label ?? redactUrl(res.url), total);
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge());
      hash.update(chunk);
      task?.update(size);
      done(null, chunk);
    },
  });
  try {
    await pipeline(res.body, counter, createWriteStream(file, { flags: 'wx', mode: 0o644 }));
  } catch (cause) {
    task?.fail();
    if (cause instanceof Error && cause.name === 'Helm4Error') throw cause;
    throw distError('DIST_HTTP_FAILED', `download of ${redactUrl(res.url)} failed: ${(cause as Error).message}`, {
      cause,
      hint: 'the connection broke off; try again',
      details: { url: redactUrl(res.url) },
    });
  }
  if (total !== undefined && size !== total) {
    task?.fail();
    throw distError('DIST_HTTP_FAILED', `download of ${redactUrl(res.url)} ended after ${size} of ${total} bytes`, {
      hint: 'the connection broke off; try again',
      details: { url: redactUrl(res.url), received: size, expected: total },
    });
  }
  task?.done();
  return { size, sha256: hash.digest('hex') };
}
