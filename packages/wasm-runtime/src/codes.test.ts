import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WASM_CODES } from './codes.js';

const errorsDoc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('WASM_CODES', () => {
  const codes = Object.values(WASM_CODES);

  it('are distinct RUNTIME_ codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^RUNTIME_[A-Z_]+$/);
  });

  it.each(codes)('%s is listed in docs/errors.md', (code) => {
    expect(errorsDoc).toContain(`\`${code}\``);
  });
});
