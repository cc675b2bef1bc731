import { describe, expect, it } from 'vitest';
import { Helm4Error, isHelm4Error, wrapError } from './index.js';

describe('Helm4Error', () => {
  it('carries a stable code, hint and details, and serialises them', () => {
    const err = new Helm4Error('MANIFEST_INVALID_NAME', 'bad name', { hint: 'rename it', details: { name: 'a b' } });
    expect(err.code).toBe('MANIFEST_INVALID_NAME');
    expect(err.toJSON()).toEqual({
      code: 'MANIFEST_INVALID_NAME',
      message: 'bad name',
      hint: 'rename it',
      details: { name: 'a b' },
    });
    expect(isHelm4Error(err, 'MANIFEST_INVALID_NAME')).toBe(true);
    expect(isHelm4Error(err, 'OTHER')).toBe(false);
    expect(isHelm4Error(new Error('x'))).toBe(false);
  });

  it('wraps foreign errors but passes its own through', () => {
    const own = new Helm4Error('A_B', 'x');
    expect(wrapError('C_D', 'ctx', own)).toBe(own);
    const wrapped = wrapError('FS_READ', 'reading plugin.yaml', new Error('EACCES'));
    expect(wrapped.code).toBe('FS_READ');
    expect(wrapped.message).toBe('reading plugin.yaml: EACCES');
    expect(wrapped.cause).toBeInstanceOf(Error);
  });
});
