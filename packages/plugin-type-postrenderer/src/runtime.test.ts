import { readInputMessage } from '@helm4/runtime';
import { describe, expect, it } from 'vitest';
import { postRendererRuntimeBinding } from './runtime.js';

const read = (m: unknown) => readInputMessage(postRendererRuntimeBinding, m, 'p');

describe('postRendererRuntimeBinding', () => {
  it('needs manifests as a string', () => {
    expect(read({ manifests: 'a: b\n' })).toEqual({ manifests: 'a: b\n', extraArgs: [] });
    expect(() => read({ manifests: {} })).toThrow(expect.objectContaining({ code: 'RUNTIME_INVALID_MESSAGE' }));
    expect(() => read({ extraArgs: [] })).toThrow(expect.objectContaining({ code: 'RUNTIME_INVALID_MESSAGE' }));
  });

  it("reads a Wasm guest's manifests as a string; Helm's bytes.Buffer encodings are empty manifests", () => {
    const output = postRendererRuntimeBinding.wasm?.output;
    expect(output?.({ manifests: 'a: b\n' })).toEqual({ message: { manifests: 'a: b\n' } });
    expect(output?.({ manifests: {} })).toEqual({ message: { manifests: '' } });
    expect(output?.({ manifests: null })).toEqual({ message: { manifests: '' } });
    expect(output?.({ manifests: 'YQ==' })).toEqual({ message: { manifests: 'YQ==' } });
    expect(output?.({ manifests: 1 })).toEqual({ invalid: '"manifests" is not a string' });
    expect(output?.([])).toEqual({ invalid: 'expected {"manifests": "<yaml>"}' });
  });
});
