import { readInputMessage } from '@helm4/runtime';
import { describe, expect, it } from 'vitest';
import { cliRuntimeBinding } from './runtime.js';

const read = (m: unknown) => readInputMessage(cliRuntimeBinding, m, 'p');
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('cliRuntimeBinding', () => {
  it('reads a missing or null extraArgs as empty (a nil Go slice), and ignores other fields', () => {
    expect(read({})).toEqual({ extraArgs: [] });
    expect(read({ extraArgs: null })).toEqual({ extraArgs: [] });
    expect(read({ extraArgs: ['a'], extra: 1 })).toEqual({ extraArgs: ['a'] });
  });

  it.each([[null], ['x'], [[]], [{ extraArgs: 'a' }], [{ extraArgs: [1] }]])('refuses %j', (m) => {
    expect(codeOf(() => read(m))).toBe('RUNTIME_INVALID_MESSAGE');
  });

  it('takes any JSON object (or null) from a Wasm guest, as Helm, and {} when it exited 0 without one', () => {
    expect(cliRuntimeBinding.wasm?.output({ anything: [1] })).toEqual({ message: {} });
    expect(cliRuntimeBinding.wasm?.output(null)).toEqual({ message: {} });
    expect(cliRuntimeBinding.wasm?.output('text')).toEqual({ invalid: 'expected a JSON object' });
    expect(cliRuntimeBinding.wasm?.outputOnExit).toEqual({});
  });
});
