import { describe, expect, it } from 'vitest';
import { i32, op, wasmModule } from '../../test/wasm/builder.js';
import { growForever, growUntilTrap, rawGuest } from '../../test/wasm/guests.js';
import { readModule } from './module.js';
import { HELM_EXPORTS, ModuleRejection, RENAMED_WASI_MODULE, rewritePluginModule } from './rewrite.js';

type Exports = Record<string, unknown>;

function instantiate(bytes: Uint8Array, imports: WebAssembly.Imports = {}): Exports {
  const module = new WebAssembly.Module(bytes);
  return new WebAssembly.Instance(module, imports).exports as Exports;
}

const callEntry = (e: Exports) => (e[HELM_EXPORTS.entry] as () => number)();
const globalValue = (e: Exports, name: string) => (e[name] as WebAssembly.Global).value as number;
const pages = (e: Exports) => (e['memory'] as WebAssembly.Memory).buffer.byteLength / 65536;

describe('rewritePluginModule', () => {
  it('keeps the return code of the entry function, also for one returning nothing', () => {
    const rc7 = rewritePluginModule(rawGuest(op.i32Const(7)), { maxPages: 4, entryFuncName: 'helm_plugin_main' });
    const e = instantiate(rc7.bytes);
    expect(callEntry(e)).toBe(7);
    expect(globalValue(e, HELM_EXPORTS.rc)).toBe(7);
    const none = rewritePluginModule(rawGuest(op.nop, { results: [], entry: 'run' }), {
      maxPages: 4,
      entryFuncName: 'run',
    });
    expect(callEntry(instantiate(none.bytes))).toBe(0);
  });

  it("caps the guest's own memory and flags the failed grow", () => {
    const r = rewritePluginModule(rawGuest([...growUntilTrap, ...op.i32Const(0)], { memory: { min: 1 } }), {
      maxPages: 3,
      entryFuncName: 'helm_plugin_main',
    });
    expect(r.growHook).toBe(true);
    expect(r.memory).toEqual({ min: 1, max: 3 });
    const e = instantiate(r.bytes);
    expect(globalValue(e, HELM_EXPORTS.growFailed)).toBe(0);
    expect(() => callEntry(e)).toThrow(WebAssembly.RuntimeError);
    expect(pages(e)).toBe(3);
    expect(globalValue(e, HELM_EXPORTS.growFailed)).toBe(1);
  });

  it('keeps a lower declared maximum, and refuses a module that starts above the cap', () => {
    const r = rewritePluginModule(rawGuest(op.i32Const(0), { memory: { min: 1, max: 2 } }), {
      maxPages: 16,
      entryFuncName: 'helm_plugin_main',
    });
    expect(r.memory).toEqual({ min: 1, max: 2 });
    expect(() =>
      rewritePluginModule(rawGuest(op.i32Const(0), { memory: { min: 20 } }), {
        maxPages: 16,
        entryFuncName: 'helm_plugin_main',
      }),
    ).toThrow(expect.objectContaining({ reason: 'memory-min' }));
  });

  it('does not mistake immediates for memory.grow', () => {
    // i32.const 64 is `41 c0 00`; an f32/f64 const and a memarg can hold 0x40 0x00 too.
    const body = [
      ...op.i32Const(64),
      ...op.drop,
      ...[0x44, 0, 0, 0, 0, 0, 0, 0x40, 0x00],
      ...op.drop,
      ...op.i32Const(0),
      ...[0x28, 0x02, 0x40],
      ...op.drop,
      ...growForever.slice(0, 0),
      ...op.i32Const(2),
      ...op.memoryGrow,
    ];
    const r = rewritePluginModule(rawGuest(body), { maxPages: 8, entryFuncName: 'helm_plugin_main' });
    const e = instantiate(r.bytes);
    expect(callEntry(e)).toBe(1); // the old size
    expect(pages(e)).toBe(3);
  });

  it('moves WASI imports to the runtime namespace and renames _initialize and _start', () => {
    const bytes = wasmModule({
      imports: [{ module: 'wasi_snapshot_preview1', name: 'proc_exit', sig: { params: [i32] } }],
      memory: { min: 1 },
      funcs: [
        { body: [], export: '_initialize' },
        { body: [], export: '_start' },
        { sig: { results: [i32] }, body: op.i32Const(0), export: 'helm_plugin_main' },
      ],
    });
    const r = rewritePluginModule(bytes, { maxPages: 2, entryFuncName: 'helm_plugin_main' });
    expect(r.wasi).toBe(true);
    expect(r.initialize).toBe(true);
    const info = readModule(r.bytes);
    expect(info.imports.map((i) => i.module)).toEqual([RENAMED_WASI_MODULE]);
    expect(info.exports.map((e) => e.name).sort()).toEqual(
      [
        HELM_EXPORTS.entry,
        HELM_EXPORTS.growFailed,
        HELM_EXPORTS.initialize,
        HELM_EXPORTS.rc,
        HELM_EXPORTS.start,
        'helm_plugin_main',
        'memory',
      ].sort(),
    );
    expect(WebAssembly.validate(r.bytes)).toBe(true);
  });

  it("exports the start section's function instead of running it at instantiation", () => {
    const bytes = wasmModule({
      memory: { min: 1 },
      funcs: [
        { sig: { results: [i32] }, body: op.i32Const(0), export: 'helm_plugin_main' },
        { body: [...op.i32Const(0), ...op.i32Const(42), ...op.i32Store()] },
      ],
      start: 1,
    });
    expect(readModule(bytes).sections.some((s) => s.id === 8)).toBe(true);
    const r = rewritePluginModule(bytes, { maxPages: 2, entryFuncName: 'helm_plugin_main' });
    expect(r.startSection).toBe(true);
    expect(readModule(r.bytes).sections.some((s) => s.id === 8)).toBe(false);
    const e = instantiate(r.bytes);
    const memory = new Uint8Array((e['memory'] as WebAssembly.Memory).buffer);
    expect(memory[0]).toBe(0);
    (e[HELM_EXPORTS.startSection] as () => void)();
    expect(memory[0]).toBe(42);
    expect(
      rewritePluginModule(rawGuest(op.i32Const(0)), { maxPages: 2, entryFuncName: 'helm_plugin_main' }).startSection,
    ).toBe(false);
  });

  it('adds the sections a module lacks, in order', () => {
    const bytes = wasmModule({ funcs: [{ sig: { results: [i32] }, body: op.i32Const(5), export: 'main' }] });
    const r = rewritePluginModule(bytes, { maxPages: 1, entryFuncName: 'main' });
    expect(r.memory).toBeUndefined();
    expect(r.growHook).toBe(false);
    expect(callEntry(instantiate(r.bytes))).toBe(5);
  });

  it('rejects a missing entry, a wrong signature and an imported memory', () => {
    const opts = { maxPages: 4, entryFuncName: 'helm_plugin_main' };
    expect(() => rewritePluginModule(rawGuest(op.i32Const(0), { entry: 'other' }), opts)).toThrow(
      expect.objectContaining({ reason: 'no-entry' }),
    );
    const withParam = wasmModule({
      memory: { min: 1 },
      funcs: [{ sig: { params: [i32], results: [i32] }, body: op.localGet(0), export: 'helm_plugin_main' }],
    });
    expect(() => rewritePluginModule(withParam, opts)).toThrow(expect.objectContaining({ reason: 'entry-signature' }));
    const importsMemory = wasmModule({
      importMemory: { module: 'env', name: 'memory', min: 1 },
      funcs: [{ sig: { results: [i32] }, body: op.i32Const(0), export: 'helm_plugin_main' }],
    });
    expect(() => rewritePluginModule(importsMemory, opts)).toThrow(ModuleRejection);
  });
});
