import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUNTIME_CODES } from './codes.js';

const errorsDoc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('RUNTIME_CODES', () => {
  const codes = Object.values(RUNTIME_CODES);

  it('are distinct RUNTIME_ codes', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^RUNTIME_[A-Z_]+$/);
  });

  it.each(codes)('%s is listed in docs/errors.md', (code) => {
    expect(errorsDoc).toContain(`\`${code}\``);
  });
});
