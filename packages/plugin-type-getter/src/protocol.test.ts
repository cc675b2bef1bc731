import { describe, expect, it } from 'vitest';
import { protocolOf } from './protocol.js';

const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return (e as { code?: unknown }).code;
  }
  return undefined;
};

describe('protocolOf (Go url.Parse(href).Scheme)', () => {
  it('returns the lower-cased scheme', () => {
    expect(protocolOf('s3://bucket/chart-1.0.0.tgz')).toBe('s3');
    expect(protocolOf('HTTPS://example.com/index.yaml')).toBe('https');
    expect(protocolOf('git+ssh://host/repo')).toBe('git+ssh');
    expect(protocolOf('a.b-c+d:opaque')).toBe('a.b-c+d');
    expect(protocolOf('mailto:x@y')).toBe('mailto');
  });

  it('returns "" when there is no scheme', () => {
    expect(protocolOf('')).toBe('');
    expect(protocolOf('charts/foo.tgz')).toBe('');
    expect(protocolOf('charts/foo:1.0.0.tgz')).toBe('');
    expect(protocolOf('foo?a:b')).toBe('');
    expect(protocolOf('/abs/path:with-colon')).toBe('');
    expect(protocolOf('noscheme')).toBe('');
    expect(protocolOf('x#y:z')).toBe('');
  });

  it('fails where url.Parse fails on the scheme or on control characters', () => {
    expect(codeOf(() => protocolOf('://x'))).toBe('TYPE_GETTER_INVALID_HREF');
    // Malformed schemes: "first path segment in URL cannot contain colon".
    expect(codeOf(() => protocolOf('1s3://x'))).toBe('TYPE_GETTER_INVALID_HREF');
    expect(codeOf(() => protocolOf('+a:b'))).toBe('TYPE_GETTER_INVALID_HREF');
    expect(codeOf(() => protocolOf('cache_object:foo/bar'))).toBe('TYPE_GETTER_INVALID_HREF');
    expect(codeOf(() => protocolOf('s3://b/c\n'))).toBe('TYPE_GETTER_INVALID_HREF');
    expect(codeOf(() => protocolOf('s3://b/\u007f'))).toBe('TYPE_GETTER_INVALID_HREF');
    // A control character in the fragment is not checked by Go's parse.
    expect(protocolOf('s3://b/c#\t')).toBe('s3');
  });
});
