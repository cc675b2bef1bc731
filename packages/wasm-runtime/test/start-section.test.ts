import { describe, expect, it } from 'vitest';
import { cliMessage, guestFactory, rejectsWithCode } from './support.js';
import { op } from './wasm/builder.js';
import { rawGuest } from './wasm/guests.js';

const guest = guestFactory();

describe('a module with a start section', () => {
  // The start function stores 7 at address 100; the entry returns what is there as its return code.
  const wasm = rawGuest([...op.i32Const(100), ...op.i32Load()], {
    extraFuncs: [{ body: [...op.i32Const(100), ...op.i32Const(7), ...op.i32Store()] }],
    start: 1,
  });

  for (const runOnCallingThread of [false, true]) {
    it(`runs its start function once per call, before the entry (${runOnCallingThread ? 'calling thread' : 'worker'})`, async () => {
      const plugin = await guest(wasm, { runtime: { runOnCallingThread } });
      for (let i = 0; i < 2; i++) {
        const err = await rejectsWithCode(plugin.invoke(cliMessage()), 'RUNTIME_EXIT');
        expect(err.details?.['exitCode']).toBe(7);
      }
    });
  }
});
