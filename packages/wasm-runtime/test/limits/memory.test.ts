import { describe, expect, it } from 'vitest';
import { cliMessage, guestFactory, rejectsWithCode } from '../support.js';
import { i64, op, wasmModule } from '../wasm/builder.js';
import { growUntilTrap, kernel, rawGuest, switchGuest } from '../wasm/guests.js';

const guest = guestFactory();

describe('runtimeConfig.memory.maxPages', () => {
  it("caps the guest's own memory: growing page by page past it fails, then the trap is RUNTIME_MEMORY_LIMIT", async () => {
    const plugin = await guest(switchGuest(growUntilTrap), { runtimeConfig: { memory: { maxPages: 8 } } });
    const err = await rejectsWithCode(plugin.invoke(cliMessage('loop')), 'RUNTIME_MEMORY_LIMIT');
    expect(err.details?.['maxPages']).toBe(8);
    expect((await plugin.invoke(cliMessage('ok'))).message).toEqual({});
  });

  it('recognises a single large grow that fails well below the cap', async () => {
    // 1 page in use, cap 64: grow(1000) fails (memory stays at 1 page), then the guest traps.
    const body = [
      ...op.i32Const(1000),
      ...op.memoryGrow,
      ...op.i32Const(-1),
      ...op.i32Eq,
      ...op.if,
      ...op.unreachable,
      ...op.end,
    ];
    const plugin = await guest(switchGuest(body), { runtimeConfig: { memory: { maxPages: 64 } } });
    await rejectsWithCode(plugin.invoke(cliMessage('loop')), 'RUNTIME_MEMORY_LIMIT');
  });

  it('holds against a module declaring a larger maximum than the cap', async () => {
    const body = [
      ...op.i32Const(20),
      ...op.memoryGrow,
      ...op.i32Const(-1),
      ...op.i32Eq,
      ...op.if,
      ...op.unreachable,
      ...op.end,
    ];
    const plugin = await guest(switchGuest(body, { memory: { min: 1, max: 65_536 } }), {
      runtimeConfig: { memory: { maxPages: 16 } },
    });
    await rejectsWithCode(plugin.invoke(cliMessage('loop')), 'RUNTIME_MEMORY_LIMIT');
  });

  it('allows growing up to the cap', async () => {
    const body = [
      ...op.i32Const(15),
      ...op.memoryGrow,
      ...op.i32Const(-1),
      ...op.i32Eq,
      ...op.if,
      ...op.unreachable,
      ...op.end,
    ];
    const plugin = await guest(switchGuest(body), { runtimeConfig: { memory: { maxPages: 16 } } });
    expect((await plugin.invoke(cliMessage('loop'))).message).toEqual({});
  });

  it('caps the default (1 GiB) when maxPages is absent, unlike Helm (unlimited)', async () => {
    const body = [
      ...op.i32Const(16_385),
      ...op.memoryGrow,
      ...op.i32Const(-1),
      ...op.i32Eq,
      ...op.if,
      ...op.unreachable,
      ...op.end,
    ];
    const plugin = await guest(switchGuest(body));
    await rejectsWithCode(plugin.invoke(cliMessage('loop')), 'RUNTIME_MEMORY_LIMIT');
  });

  it('refuses at load a module whose initial memory is above the cap', async () => {
    await rejectsWithCode(
      guest(rawGuest(op.i32Const(0), { memory: { min: 32 } }), { runtimeConfig: { memory: { maxPages: 16 } } }),
      'RUNTIME_MEMORY_LIMIT',
    );
  });

  it('limits Extism host-side blocks too (an alloc above the cap fails the call)', async () => {
    const { imports, fn } = kernel(['alloc', 'output_set']);
    const wasm = wasmModule({
      imports,
      memory: { min: 1 },
      funcs: [
        {
          sig: { results: [0x7f] },
          locals: [i64],
          body: [
            ...op.i64Const(64 * 1024 * 1024),
            ...op.call(fn['alloc']!),
            ...op.localSet(0),
            ...op.localGet(0),
            ...op.i64Const(64 * 1024 * 1024),
            ...op.call(fn['output_set']!),
            ...op.i32Const(0),
          ],
          export: 'helm_plugin_main',
        },
      ],
    });
    const plugin = await guest(wasm, { runtimeConfig: { memory: { maxPages: 16 } } });
    await rejectsWithCode(plugin.invoke(cliMessage()), 'RUNTIME_MEMORY_LIMIT');
  });
});
