import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIST_CODES } from './codes.js';

const src = path.dirname(fileURLToPath(import.meta.url));
const errorsDoc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

/** Every DIST_* string literal in the package's sources (tests excluded). */
function raisedCodes(): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(src, { recursive: true })) {
    const file = String(entry);
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'codes.ts') continue;
    for (const m of readFileSync(path.join(src, file), 'utf8').matchAll(/'(DIST_[A-Z_]+)'/g)) found.add(m[1] ?? '');
  }
  return found;
}

describe('DIST_CODES', () => {
  it('are distinct DIST_ codes, and every code raised is declared and every declared one raised', () => {
    expect(new Set(DIST_CODES).size).toBe(DIST_CODES.length);
    for (const code of DIST_CODES) expect(code).toMatch(/^DIST_[A-Z_]+$/);
    expect([...raisedCodes()].sort()).toEqual([...DIST_CODES].sort());
  });

  it.each(DIST_CODES)('%s is listed in docs/errors.md', (code) => {
    expect(errorsDoc).toContain(`| \`${code}\``);
  });
});
