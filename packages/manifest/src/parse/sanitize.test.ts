import { describe, expect, it } from 'vitest';
import { sanitizeString } from './sanitize.js';

describe('sanitizeString (Helm legacy usage)', () => {
  it('turns whitespace into spaces and drops non-printable characters', () => {
    expect(sanitizeString('echo\tsomething\r\nelse\u00a0x')).toBe('echo something  else x');
    expect(sanitizeString('a\u0000b\u0007c\u200bd\u001b[31me')).toBe('abcd[31me');
    expect(sanitizeString('héllo wörld ✓ 日本')).toBe('héllo wörld ✓ 日本');
  });
});
