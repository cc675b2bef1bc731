import { describe, expect, it } from 'vitest';
import { isHostAllowed, parseAllowedHost } from './allowed-hosts.js';

const allowed = (entries: string[], url: string) => isHostAllowed(entries.map(parseAllowedHost), new URL(url));

describe('allowedHosts', () => {
  it('allows nothing when empty', () => {
    expect(allowed([], 'http://example.com/')).toBe(false);
  });

  it('matches a hostname on any port, as Helm does', () => {
    expect(allowed(['example.com'], 'http://example.com/')).toBe(true);
    expect(allowed(['example.com'], 'https://EXAMPLE.com:8443/x')).toBe(true);
    expect(allowed(['example.com'], 'http://example.org/')).toBe(false);
    expect(allowed(['example.com'], 'http://sub.example.com/')).toBe(false);
  });

  it('matches globs', () => {
    expect(allowed(['*.example.com'], 'http://a.b.example.com/')).toBe(true);
    expect(allowed(['*.example.com'], 'http://example.com/')).toBe(false);
    expect(allowed(['charts?.example.com'], 'http://charts1.example.com/')).toBe(true);
    expect(allowed(['*'], 'http://anything/')).toBe(true);
    expect(allowed(['exa.ple.com'], 'http://exaxple.com/')).toBe(false);
  });

  it('is port aware when the entry has a port', () => {
    expect(allowed(['127.0.0.1:8080'], 'http://127.0.0.1:8080/')).toBe(true);
    expect(allowed(['127.0.0.1:8080'], 'http://127.0.0.1:8081/')).toBe(false);
    expect(allowed(['example.com:443'], 'https://example.com/')).toBe(true);
    expect(allowed(['example.com:443'], 'http://example.com/')).toBe(false);
    expect(allowed(['example.com:*'], 'http://example.com:1/')).toBe(true);
  });

  it('handles IPv6 literals and does not resolve names', () => {
    expect(allowed(['[::1]:8080'], 'http://[::1]:8080/')).toBe(true);
    expect(allowed(['[::1]:8080'], 'http://[::1]:9090/')).toBe(false);
    expect(allowed(['::1'], 'http://[::1]:9090/')).toBe(true);
    expect(allowed(['localhost'], 'http://127.0.0.1/')).toBe(false);
  });
});
