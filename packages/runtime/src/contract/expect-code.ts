import { Helm4Error } from '@helm4/errors';
import { expect } from 'vitest';

/** Awaits a promise that must reject with a Helm4Error of `code`; returns the error for further checks. */
export async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<Helm4Error> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) expect.fail(`expected a rejection with ${code}, got a result`);
  const { error } = outcome;
  expect(error).toBeInstanceOf(Helm4Error);
  expect((error as Helm4Error).code).toBe(code);
  return error as Helm4Error;
}
