import { describe, expect, it } from 'vitest';
import { createExtismRuntime } from '../../src/extism-runtime.js';
import { pluginDirs } from '../plugins.js';
import { cliMessage, guestFactory, rejectsWithCode, TYPES } from '../support.js';
import { i32, i64, op, wasmModule } from '../wasm/builder.js';
import { constantGuest, rawGuest, switchGuest } from '../wasm/guests.js';

const guest = guestFactory();
const dirs = pluginDirs();

describe('modules that cannot run are coded errors, never crashes', () => {
  it('RUNTIME_WASM_MISSING without plugin.wasm', async () => {
    await rejectsWithCode(createExtismRuntime({ types: TYPES }).createPlugin(dirs.plugin({})), 'RUNTIME_WASM_MISSING');
  });

  it.each([
    ['random bytes', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])],
    ['a truncated module', constantGuest('{}').slice(0, 40)],
    [
      'an invalid body',
      wasmModule({ funcs: [{ sig: { results: [i32] }, body: op.i64Const(1), export: 'helm_plugin_main' }] }),
    ],
    ['a text file', new TextEncoder().encode('(module)')],
  ])('RUNTIME_WASM_INVALID for %s', async (_what, wasm) => {
    await rejectsWithCode(guest(wasm), 'RUNTIME_WASM_INVALID');
  });

  it('RUNTIME_WASM_LINK at load for imports the host lacks', async () => {
    const envAbort = rawGuest(op.i32Const(0), {
      extraImports: [{ module: 'env', name: 'abort', sig: { params: [i32, i32, i32, i32] } }],
    });
    const err = await rejectsWithCode(guest(envAbort), 'RUNTIME_WASM_LINK');
    expect(err.details?.['imports']).toEqual(['env::abort: no such host module']);
    const unknownKernel = rawGuest(op.i32Const(0), {
      extraImports: [{ module: 'extism:host/env', name: 'teleport', sig: {} }],
    });
    await rejectsWithCode(guest(unknownKernel), 'RUNTIME_WASM_LINK');
    const undeclaredHostFn = rawGuest(op.i32Const(0), {
      extraImports: [{ module: 'extism:host/user', name: 'helm_get_values', sig: { params: [i64], results: [i64] } }],
    });
    await rejectsWithCode(guest(undeclaredHostFn), 'RUNTIME_WASM_LINK');
  });

  it('RUNTIME_WASM_LINK for WASI when the runtime disables it', async () => {
    const wasi = rawGuest(op.i32Const(0), {
      extraImports: [{ module: 'wasi_snapshot_preview1', name: 'proc_exit', sig: { params: [i32] } }],
    });
    await rejectsWithCode(guest(wasi, { runtime: { wasi: false } }), 'RUNTIME_WASM_LINK');
    await expect(guest(wasi)).resolves.toHaveProperty('invoke');
  });

  it('RUNTIME_WASM_NO_ENTRY and RUNTIME_WASM_BAD_ENTRY for the entry function', async () => {
    await rejectsWithCode(guest(constantGuest('{}', 0, { entry: 'main' })), 'RUNTIME_WASM_NO_ENTRY');
    expect(
      (
        await (
          await guest(constantGuest('{}', 0, { entry: 'main' }), { runtimeConfig: { entryFuncName: 'main' } })
        ).invoke(cliMessage())
      ).message,
    ).toEqual({});
    const takesArg = wasmModule({
      memory: { min: 1 },
      funcs: [{ sig: { params: [i32], results: [i32] }, body: op.localGet(0), export: 'helm_plugin_main' }],
    });
    await rejectsWithCode(guest(takesArg), 'RUNTIME_WASM_BAD_ENTRY');
  });

  it('RUNTIME_HOST_FUNCTION_NOT_FOUND at load for a host function the host does not provide (Helm provides none)', async () => {
    const err = await rejectsWithCode(
      guest(constantGuest('{}'), { runtimeConfig: { hostFunctions: ['helm_get_values'] } }),
      'RUNTIME_HOST_FUNCTION_NOT_FOUND',
    );
    expect(err.details?.['hostFunctions']).toEqual(['helm_get_values']);
  });

  it('RUNTIME_INSTANTIATE_FAILED when instantiation fails in the worker, and the host goes on', async () => {
    // A data segment beyond the memory fails at instantiation, not at compile time.
    const wasm = wasmModule({
      memory: { min: 1 },
      data: [{ offset: 70_000, bytes: 'x' }],
      funcs: [{ sig: { results: [i32] }, body: op.i32Const(0), export: 'helm_plugin_main' }],
    });
    const plugin = await guest(wasm);
    await rejectsWithCode(plugin.invoke(cliMessage()), 'RUNTIME_INSTANTIATE_FAILED');
    await rejectsWithCode(plugin.invoke(cliMessage()), 'RUNTIME_INSTANTIATE_FAILED');
    expect((await (await guest(constantGuest('{}'))).invoke(cliMessage())).message).toEqual({});
  });

  it('RUNTIME_TRAP for unreachable and for a stack overflow', async () => {
    const plugin = await guest(switchGuest(op.unreachable));
    await rejectsWithCode(plugin.invoke(cliMessage('l')), 'RUNTIME_TRAP');
    const recursive = wasmModule({
      memory: { min: 1 },
      funcs: [{ sig: { results: [i32] }, body: [...op.call(0)], export: 'helm_plugin_main' }],
    });
    await rejectsWithCode((await guest(recursive)).invoke(cliMessage()), 'RUNTIME_TRAP');
    expect((await plugin.invoke(cliMessage('ok'))).message).toEqual({});
  });

  it('RUNTIME_PLUGIN_ERROR for an Extism error, RUNTIME_EXIT for a non-zero return code', async () => {
    const failing = await guest(constantGuest('no such chart', 1, { asError: true }));
    const err = await rejectsWithCode(failing.invoke(cliMessage()), 'RUNTIME_PLUGIN_ERROR');
    expect(err.details).toMatchObject({ message: 'no such chart', exitCode: 1 });
    const exit = await rejectsWithCode((await guest(constantGuest('{}', 3))).invoke(cliMessage()), 'RUNTIME_EXIT');
    expect(err.details?.['exitCode']).toBe(1);
    expect(exit.details?.['exitCode']).toBe(3);
  });

  it('RUNTIME_EXIT for WASI proc_exit with a code, success for proc_exit(0)', async () => {
    const exits = (code: number) =>
      rawGuest([...op.i32Const(code), ...op.call(0), ...op.i32Const(0)], {
        extraImports: [{ module: 'wasi_snapshot_preview1', name: 'proc_exit', sig: { params: [i32] } }],
      });
    const err = await rejectsWithCode((await guest(exits(42))).invoke(cliMessage()), 'RUNTIME_EXIT');
    expect(err.details?.['exitCode']).toBe(42);
    expect((await (await guest(exits(0))).invoke(cliMessage())).message).toEqual({});
  });

  it('RUNTIME_INVALID_OUTPUT when the output is not the JSON of the type', async () => {
    await rejectsWithCode((await guest(constantGuest('not json'))).invoke(cliMessage()), 'RUNTIME_INVALID_OUTPUT');
    await rejectsWithCode((await guest(constantGuest('[1]'))).invoke(cliMessage()), 'RUNTIME_INVALID_OUTPUT');
    await rejectsWithCode((await guest(rawGuest(op.i32Const(0)))).invoke(cliMessage()), 'RUNTIME_INVALID_OUTPUT');
    const getter = await guest(constantGuest('{"data":"not base64!"}'), { type: 'getter/v1' });
    await rejectsWithCode(getter.invoke({ message: { href: 'x://y', protocol: 'x' } }), 'RUNTIME_INVALID_OUTPUT');
    const renderer = await guest(constantGuest('{"manifests":42}'), { type: 'postrenderer/v1' });
    await rejectsWithCode(renderer.invoke({ message: { manifests: '', extraArgs: [] } }), 'RUNTIME_INVALID_OUTPUT');
  });
});
