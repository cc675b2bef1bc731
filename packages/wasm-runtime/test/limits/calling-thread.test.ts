import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CallHandlers, CallJob, CallResult, RunOptions } from '../../src/host/worker-pool.js';
import { WorkerPool } from '../../src/host/worker-pool.js';
import { cliMessage, guestFactory, rejectsWithCode } from '../support.js';
import { i32, op } from '../wasm/builder.js';
import {
  constantGuest,
  growForever,
  growUntilTrap,
  hostCallGuest,
  httpGuest,
  infiniteLoop,
  rawGuest,
  switchGuest,
} from '../wasm/guests.js';

/** A pool that counts the calls given to workers. */
class CountingPool extends WorkerPool {
  calls = 0;

  override run(
    job: CallJob,
    module: WebAssembly.Module,
    handlers: CallHandlers,
    options: RunOptions,
  ): Promise<CallResult> {
    this.calls++;
    return super.run(job, module, handlers, options);
  }
}

const guest = guestFactory();
const SLACK_MS = 250;
const WASI = 'wasi_snapshot_preview1';

/** A plugin whose calls run on this thread where they can; `pool.calls` counts those that went to a worker. */
async function onCallingThread(wasm: Uint8Array, options: Parameters<typeof guest>[1] = {}) {
  const pool = new CountingPool();
  const plugin = await guest(wasm, { ...options, runtime: { ...options.runtime, runOnCallingThread: true, pool } });
  return { plugin, pool };
}

async function elapsed(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await call();
  return performance.now() - start;
}

describe('runOnCallingThread', () => {
  it('runs a call that needs nothing from the host on the calling thread, with the same result', async () => {
    const { plugin, pool } = await onCallingThread(constantGuest('{"data":"aGk="}'), { type: 'getter/v1' });
    const out = await plugin.invoke({ message: { href: 'x://y', protocol: 'x', options: {} } });
    expect(out.message).toEqual({ data: 'aGk=' });
    expect(pool.calls).toBe(0);
    pool.close();
  });

  it('stops an infinite loop within timeout + 250 ms (RUNTIME_TIMEOUT); the thread and the plugin go on', async () => {
    const { plugin, pool } = await onCallingThread(switchGuest(infiniteLoop), { runtimeConfig: { timeout: 400 } });
    const ms = await elapsed(() => rejectsWithCode(plugin.invoke(cliMessage('loop')), 'RUNTIME_TIMEOUT'));
    expect(ms).toBeLessThan(400 + SLACK_MS);
    expect((await plugin.invoke(cliMessage('fine'))).message).toEqual({});
    expect(pool.calls).toBe(0);
  });

  it('stops a guest that keeps growing its memory', async () => {
    const { plugin } = await onCallingThread(switchGuest(growForever), {
      runtimeConfig: { timeout: 400, memory: { maxPages: 16_384 } },
    });
    const ms = await elapsed(() => rejectsWithCode(plugin.invoke(cliMessage('loop')), 'RUNTIME_TIMEOUT'));
    expect(ms).toBeLessThan(400 + SLACK_MS);
  });

  it('stops a start function that loops (the rewrite runs it under the timeout)', async () => {
    const wasm = rawGuest(op.i32Const(0), { extraFuncs: [{ body: infiniteLoop }], start: 1 });
    const { plugin, pool } = await onCallingThread(wasm, { runtimeConfig: { timeout: 300 } });
    await rejectsWithCode(plugin.invoke(cliMessage()), 'RUNTIME_TIMEOUT');
    expect(pool.calls).toBe(0);
  });

  it('caps the memory (RUNTIME_MEMORY_LIMIT) and the next call works', async () => {
    const { plugin } = await onCallingThread(switchGuest(growUntilTrap), {
      runtimeConfig: { memory: { maxPages: 8 } },
    });
    await rejectsWithCode(plugin.invoke(cliMessage('loop')), 'RUNTIME_MEMORY_LIMIT');
    expect((await plugin.invoke(cliMessage('ok'))).message).toEqual({});
  });

  it('refuses HTTP as the worker host does (no allowed hosts), and the next call works', async () => {
    const { plugin, pool } = await onCallingThread(httpGuest({ url: 'http://127.0.0.1:9/x' }), {
      type: 'postrenderer/v1',
    });
    const postRender = { message: { manifests: '', extraArgs: [] } };
    const err = await rejectsWithCode(plugin.invoke(postRender), 'RUNTIME_HTTP_DENIED');
    expect(err.details?.['url']).toBe('http://127.0.0.1:9/x');
    await rejectsWithCode(plugin.invoke(postRender), 'RUNTIME_HTTP_DENIED');
    expect(pool.calls).toBe(0);
  });

  describe('runs in a worker what needs the host, or could block where a timeout cannot reach', () => {
    it('allowed hosts (HTTP is the host event loop’s)', async () => {
      const { plugin, pool } = await onCallingThread(constantGuest('{}'), {
        runtimeConfig: { allowedHosts: ['example.com'] },
      });
      await plugin.invoke(cliMessage());
      expect(pool.calls).toBe(1);
      pool.close();
    });

    it('host functions', async () => {
      const { plugin, pool } = await onCallingThread(hostCallGuest('echo'), {
        runtimeConfig: { hostFunctions: ['echo'] },
        runtime: { hostFunctions: { echo: (input) => input } },
      });
      await plugin.invoke(cliMessage()).catch(() => {});
      expect(pool.calls).toBe(1);
      pool.close();
    });

    it('an AbortSignal', async () => {
      const { plugin, pool } = await onCallingThread(constantGuest('{}'));
      await plugin.invoke({ ...cliMessage(), signal: new AbortController().signal });
      expect(pool.calls).toBe(1);
      pool.close();
    });

    it('stdin given to a module that can read it (fd_read), or a module that can sleep (poll_oneoff)', async () => {
      const fdRead = { module: WASI, name: 'fd_read', sig: { params: [i32, i32, i32, i32], results: [i32] } };
      const reader = await onCallingThread(constantGuest('{}', 0, { extraImports: [fdRead] }));
      await reader.plugin.invoke({ ...cliMessage(), stdin: new PassThrough() });
      expect(reader.pool.calls).toBe(1);
      // Without stdin the same module runs on the calling thread.
      await reader.plugin.invoke(cliMessage());
      expect(reader.pool.calls).toBe(1);
      reader.pool.close();

      const pollOneoff = { module: WASI, name: 'poll_oneoff', sig: { params: [i32, i32, i32, i32], results: [i32] } };
      const sleeper = await onCallingThread(constantGuest('{}', 0, { extraImports: [pollOneoff] }));
      await sleeper.plugin.invoke(cliMessage());
      expect(sleeper.pool.calls).toBe(1);
      sleeper.pool.close();
    });
  });
});
