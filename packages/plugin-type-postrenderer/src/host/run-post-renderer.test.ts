import { Helm4Error } from '@helm4/errors';
import type { InvokeInput, PluginInstance } from '@helm4/runtime';
import { describe, expect, it } from 'vitest';
import { runPostRenderer } from './run-post-renderer.js';

const metadata = {
  apiVersion: 'v1' as const,
  name: 'kustomize',
  type: 'postrenderer/v1',
  runtime: 'subprocess',
  version: '1.0.0',
  sourceURL: '',
  config: {},
  runtimeConfig: {},
};

function fake(invoke: (input: InvokeInput) => Promise<unknown>) {
  const inputs: InvokeInput[] = [];
  const instance: PluginInstance = {
    dir: '/plugins/kustomize',
    metadata,
    async invoke(input) {
      inputs.push(input);
      return { message: await invoke(input) } as never;
    },
    invokeHook: async () => {},
  };
  return { instance, inputs };
}

async function failure(promise: Promise<unknown>): Promise<Helm4Error> {
  const err = await promise.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Helm4Error);
  return err as Helm4Error;
}

const manifests = 'kind: ConfigMap\nmetadata:\n  name: FOOTEST\n';

describe('runPostRenderer', () => {
  it('sends {manifests, extraArgs} only (no env, no stdio) and returns the output manifests', async () => {
    const { instance, inputs } = fake(async (input) => {
      const m = input.message as { manifests: string; extraArgs: string[] };
      return { manifests: m.manifests.replace('FOOTEST', m.extraArgs.join(' ')) };
    });
    const args = ['a', 'b'];
    expect(await runPostRenderer(instance, manifests, args)).toBe(manifests.replace('FOOTEST', 'a b'));
    expect(inputs).toEqual([{ message: { manifests, extraArgs: ['a', 'b'] } }]);
    // A copy: the plugin cannot change the caller's array.
    expect((inputs[0]?.message as { extraArgs: unknown } | undefined)?.extraArgs).not.toBe(args);
  });

  it('passes an abort signal through', async () => {
    const { instance, inputs } = fake(async () => ({ manifests }));
    const signal = new AbortController().signal;
    await runPostRenderer(instance, manifests, [], { signal });
    expect(inputs[0]?.signal).toBe(signal);
  });

  it.each(['', '\n', ' \t\r\n', '\u0085\u00a0\u3000'])(
    'fails with POSTRENDERER_EMPTY_OUTPUT for whitespace-only output %j',
    async (output) => {
      const { instance } = fake(async () => ({ manifests: output }));
      expect((await failure(runPostRenderer(instance, manifests, []))).code).toBe('POSTRENDERER_EMPTY_OUTPUT');
    },
  );

  it('keeps output that Go would not trim away (a BOM is not a space in Go)', async () => {
    const { instance } = fake(async () => ({ manifests: '\ufeff' }));
    expect(await runPostRenderer(instance, manifests, [])).toBe('\ufeff');
  });

  it.each([[{}], [{ manifests: {} }], [null], ['text']])(
    'fails with POSTRENDERER_INVALID_OUTPUT for %j',
    async (output) => {
      const { instance } = fake(async () => output);
      expect((await failure(runPostRenderer(instance, manifests, []))).code).toBe('POSTRENDERER_INVALID_OUTPUT');
    },
  );

  it('wraps a runtime failure as POSTRENDERER_FAILED with the inner code, stderr and cause, but no exitCode', async () => {
    const inner = new Helm4Error('RUNTIME_EXIT', 'plugin "kustomize" exited with error: bad patch', {
      details: { exitCode: 2, stderr: 'bad patch' },
    });
    const { instance } = fake(() => Promise.reject(inner));
    const err = await failure(runPostRenderer(instance, manifests, []));
    expect(err.code).toBe('POSTRENDERER_FAILED');
    expect(err.cause).toBe(inner);
    expect(err.details).toEqual({
      plugin: 'kustomize',
      reason: 'RUNTIME_EXIT',
      pluginExitCode: 2,
      stderr: 'bad patch',
    });
  });

  it('wraps a foreign error as POSTRENDERER_FAILED', async () => {
    const { instance } = fake(() => Promise.reject(new TypeError('boom')));
    const err = await failure(runPostRenderer(instance, manifests, []));
    expect(err.code).toBe('POSTRENDERER_FAILED');
    expect(err.details).toEqual({ plugin: 'kustomize' });
  });
});
