import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../src/host/worker-pool.js';
import { guestFactory } from './support.js';

/*
 * Messages far past the kernel's in-place threshold (64 Ki characters) and past the size at which a worker's
 * kernel memory is replaced after the call (64 MiB): what the guest gets and gives back is exact, and the worker
 * keeps serving calls.
 */
const wasm = readFileSync(new URL('./fixtures/contract/contract.wasm', import.meta.url));
const guest = guestFactory();
const pool = new WorkerPool(1);
afterAll(() => pool.close());

const renderer = () =>
  guest(wasm, {
    type: 'postrenderer/v1',
    runtimeConfig: { entryFuncName: 'postrenderer', memory: { maxPages: 65_536 } },
    runtime: { pool },
  });

function manifestsOf(mib: number): string {
  const doc = 'kind: ConfigMap\nmetadata:\n  name: "FOOTEST"\ndata:\n  a: "tab\\there ✓ grüße \u0001 \\\\"\n---\n';
  return doc.repeat(Math.ceil((mib * 1024 * 1024) / doc.length));
}

/** Compares without printing megabytes on a mismatch. */
function expectSame(actual: string, expected: string): void {
  expect(actual.length).toBe(expected.length);
  expect(actual === expected).toBe(true);
}

describe('big messages', () => {
  it('carries 40 MiB of manifests (non-ASCII, control characters, escapes) in and out exactly', async () => {
    const plugin = await renderer();
    const manifests = manifestsOf(40);
    const out = await plugin.invoke<unknown, { manifests: string }>({ message: { manifests, extraArgs: ['X Y'] } });
    expectSame(out.message.manifests, manifests.replaceAll('FOOTEST', 'X Y'));
  }, 60_000);

  it('keeps working after a call that grew the kernel memory past what a worker keeps', async () => {
    const plugin = await renderer();
    const small = await plugin.invoke<unknown, { manifests: string }>({
      message: { manifests: 'a: FOOTEST\n', extraArgs: [] },
    });
    expect(small.message.manifests).toBe('a: BARTEST\n');
    const manifests = manifestsOf(1);
    const again = await plugin.invoke<unknown, { manifests: string }>({ message: { manifests, extraArgs: [] } });
    expectSame(again.message.manifests, manifests.replaceAll('FOOTEST', 'BARTEST'));
  }, 60_000);
});
