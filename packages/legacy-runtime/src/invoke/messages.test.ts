import { describe, expect, it } from 'vitest';
import { readCliMessage, readGetterMessage, readPostRendererMessage } from './messages.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('input messages', () => {
  it('cli/v1: a missing or null extraArgs is empty (a nil Go slice)', () => {
    expect(readCliMessage({}, 'p')).toEqual({ extraArgs: [] });
    expect(readCliMessage({ extraArgs: null }, 'p')).toEqual({ extraArgs: [] });
    expect(readCliMessage({ extraArgs: ['a'], extra: 1 }, 'p')).toEqual({ extraArgs: ['a'] });
  });

  it.each([[null], ['x'], [[]], [{ extraArgs: 'a' }], [{ extraArgs: [1] }]])('cli/v1 refuses %j', (m) => {
    expect(codeOf(() => readCliMessage(m, 'p'))).toBe('RUNTIME_INVALID_MESSAGE');
  });

  it('postrenderer/v1 needs manifests as a string', () => {
    expect(readPostRendererMessage({ manifests: 'a: b\n' }, 'p')).toEqual({ manifests: 'a: b\n', extraArgs: [] });
    expect(codeOf(() => readPostRendererMessage({ manifests: {} }, 'p'))).toBe('RUNTIME_INVALID_MESSAGE');
    expect(codeOf(() => readPostRendererMessage({ extraArgs: [] }, 'p'))).toBe('RUNTIME_INVALID_MESSAGE');
  });

  it('getter/v1: href and protocol are required, options default to Go zero values', () => {
    expect(readGetterMessage({ href: 's3://b', protocol: 's3' }, 'p')).toEqual({
      href: 's3://b',
      protocol: 's3',
      options: { CertFile: '', KeyFile: '', CAFile: '', Username: '', Password: '', PassCredentialsAll: false },
    });
    expect(codeOf(() => readGetterMessage({ protocol: 's3' }, 'p'))).toBe('RUNTIME_INVALID_MESSAGE');
    expect(codeOf(() => readGetterMessage({ href: 'x', protocol: 'x', options: [] }, 'p'))).toBe(
      'RUNTIME_INVALID_MESSAGE',
    );
    expect(
      codeOf(() => readGetterMessage({ href: 'x', protocol: 'x', options: { PassCredentialsAll: 'yes' } }, 'p')),
    ).toBe('RUNTIME_INVALID_MESSAGE');
  });
});
