import { describe, expect, it } from 'vitest';
import { cliMessage, guestFactory, httpServer, rejectsWithCode } from '../support.js';
import { op } from '../wasm/builder.js';
import { growForever, hostCallGuest, httpGuest, infiniteLoop, rawGuest, switchGuest } from '../wasm/guests.js';

const guest = guestFactory();
const SLACK_MS = 250;

/** How long a call takes to settle, and its outcome as a promise again. */
async function timed<T>(promise: Promise<T>): Promise<{ ms: number; result: Promise<T> }> {
  const start = performance.now();
  const settled = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const ms = performance.now() - start;
  return { ms, result: settled.ok ? Promise.resolve(settled.value) : Promise.reject(settled.error) };
}

describe('runtimeConfig.timeout', () => {
  it('stops an infinite loop within timeout + 250 ms; the same plugin then works again', async () => {
    const plugin = await guest(switchGuest(infiniteLoop), { runtimeConfig: { timeout: 400 } });
    expect((await plugin.invoke(cliMessage('fine'))).message).toEqual({});
    const { ms, result } = await timed(plugin.invoke(cliMessage('loop')));
    const err = await rejectsWithCode(result, 'RUNTIME_TIMEOUT');
    expect(err.details?.['timeoutMs']).toBe(400);
    // Not stopped early: libuv starts a timer from the loop's cached time, which can lag the real time by a few
    // ms when the call starts after synchronous work, so the timer may fire a little before 400 ms measured here.
    expect(ms).toBeGreaterThanOrEqual(400 - 50);
    expect(ms).toBeLessThan(400 + SLACK_MS);
    expect((await plugin.invoke(cliMessage('fine'))).message).toEqual({});
  });

  it('stops a guest that keeps growing its memory', async () => {
    const plugin = await guest(
      switchGuest([...op.loop, ...op.i32Const(512), ...op.memoryGrow, ...op.drop, ...op.br(0), ...op.end]),
      {
        runtimeConfig: { timeout: 400, memory: { maxPages: 16_384 } },
      },
    );
    const { ms, result } = await timed(plugin.invoke(cliMessage('loop')));
    await rejectsWithCode(result, 'RUNTIME_TIMEOUT');
    expect(ms).toBeLessThan(400 + SLACK_MS);
    expect((await plugin.invoke(cliMessage('fine'))).message).toEqual({});
  });

  it('stops a guest blocked in a host call: HTTP to a server that never answers', async () => {
    await using server = await httpServer(() => {});
    const plugin = await guest(httpGuest({ url: server.url('/hang') }), {
      type: 'postrenderer/v1',
      runtimeConfig: { timeout: 400, allowedHosts: ['127.0.0.1'] },
    });
    const { ms, result } = await timed(plugin.invoke({ message: { manifests: '', extraArgs: [] } }));
    await rejectsWithCode(result, 'RUNTIME_TIMEOUT');
    expect(ms).toBeLessThan(400 + SLACK_MS);
  });

  it('stops a guest blocked in a host function that never returns', async () => {
    const plugin = await guest(hostCallGuest('wait_forever'), {
      runtimeConfig: { timeout: 300, hostFunctions: ['wait_forever'] },
      runtime: { hostFunctions: { wait_forever: () => new Promise<never>(() => {}) } },
    });
    const { ms, result } = await timed(plugin.invoke(cliMessage()));
    await rejectsWithCode(result, 'RUNTIME_TIMEOUT');
    expect(ms).toBeLessThan(300 + SLACK_MS);
  });

  it('stops a module whose start function loops', async () => {
    const wasm = rawGuest(op.i32Const(0), { extraFuncs: [{ body: infiniteLoop }], start: 1 });
    const plugin = await guest(wasm, { runtimeConfig: { timeout: 300 } });
    await rejectsWithCode(plugin.invoke(cliMessage()), 'RUNTIME_TIMEOUT');
  });

  it('aborts a call through its AbortSignal (RUNTIME_ABORTED), also with no timeout', async () => {
    const plugin = await guest(rawGuest([...growForever, ...op.i32Const(0)]));
    const controller = new AbortController();
    const call = plugin.invoke({ ...cliMessage(), signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await rejectsWithCode(call, 'RUNTIME_ABORTED');
    await rejectsWithCode(plugin.invoke({ ...cliMessage(), signal: AbortSignal.abort() }), 'RUNTIME_ABORTED');
  });

  it('runs many timing-out calls concurrently without leaking or blocking others', async () => {
    const wasm = switchGuest(infiniteLoop);
    const looping = await guest(wasm, { runtimeConfig: { timeout: 300 } });
    const patient = await guest(wasm, { runtimeConfig: { timeout: 10_000 } });
    const calls = Array.from({ length: 4 }, () =>
      rejectsWithCode(looping.invoke(cliMessage('loop')), 'RUNTIME_TIMEOUT'),
    );
    // Each call has a worker of its own: this one runs while the four loop (on however many CPUs).
    const fine = await patient.invoke(cliMessage('ok'));
    expect(fine.message).toEqual({});
    await Promise.all(calls);
  });
});
