import { Helm4Error } from '@helm4/errors';
import { describe, expect, it } from 'vitest';
import { fetchWithGetters } from '../src/host/fetch-with-getters.js';
import { closedPort, startHttpsServer, startServer, tlsFixture } from './servers.js';

const noPlugins = {
  plugins: [],
  instantiate: () => Promise.reject(new Error('no plugin should be used')),
};

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> {
  const err = await promise.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Helm4Error);
  return { code: (err as Helm4Error).code, details: (err as Helm4Error).details ?? {} };
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('built-in http getter', () => {
  it('returns the body of a 200 response, byte for byte', async () => {
    const body = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00]);
    const server = await startServer((_req, res) => res.end(body));
    const bytes = await fetchWithGetters(`${server.origin}/charts/app-1.0.0.tgz`, noPlugins);
    expect(Buffer.from(bytes).equals(body)).toBe(true);
    expect(server.requests[0]?.url).toBe('/charts/app-1.0.0.tgz');
    expect(server.requests[0]?.headers['accept-encoding']).toBe('identity');
  });

  it.each([404, 500, 204])('fails with GETTER_HTTP_STATUS for status %i (Helm wants exactly 200)', async (status) => {
    const server = await startServer((_req, res) => {
      res.statusCode = status;
      res.end();
    });
    const { code, details } = await codeOf(fetchWithGetters(`${server.origin}/index.yaml`, noPlugins));
    expect(code).toBe('GETTER_HTTP_STATUS');
    expect(details['status']).toBe(status);
  });

  it('fails with GETTER_HTTP_FAILED when nothing listens', async () => {
    const port = await closedPort();
    expect((await codeOf(fetchWithGetters(`http://127.0.0.1:${port}/x`, noPlugins))).code).toBe('GETTER_HTTP_FAILED');
  });

  it('fails with GETTER_HTTP_TIMEOUT when the server does not answer within Timeout', async () => {
    const server = await startServer(() => {
      // Never answers; the connection is closed after the test.
    });
    const { code } = await codeOf(
      fetchWithGetters(`${server.origin}/slow`, { ...noPlugins, options: { Timeout: 100_000_000 } }),
    );
    expect(code).toBe('GETTER_HTTP_TIMEOUT');
  });

  it('sends UserAgent and AcceptHeader when set', async () => {
    const server = await startServer((_req, res) => res.end('ok'));
    await fetchWithGetters(`${server.origin}/x`, {
      ...noPlugins,
      options: { UserAgent: 'Helm/4.2.4', AcceptHeader: 'application/gzip' },
    });
    expect(server.requests[0]?.headers['user-agent']).toBe('Helm/4.2.4');
    expect(server.requests[0]?.headers['accept']).toBe('application/gzip');
  });

  it('follows redirects on the same host, keeping the credentials', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/old') {
        res.writeHead(302, { location: '/new' });
        res.end();
      } else res.end('moved');
    });
    const bytes = await fetchWithGetters(`${server.origin}/old`, {
      ...noPlugins,
      options: { Username: 'u', Password: 'p' },
    });
    expect(text(bytes)).toBe('moved');
    expect(server.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/old', `Basic ${Buffer.from('u:p').toString('base64')}`],
      ['/new', `Basic ${Buffer.from('u:p').toString('base64')}`],
    ]);
  });

  it('gives up after 10 redirects: GETTER_HTTP_FAILED', async () => {
    const server = await startServer((req, res) => {
      res.writeHead(301, { location: `/r${Number(req.url?.slice(2) ?? 0) + 1}` });
      res.end();
    });
    expect((await codeOf(fetchWithGetters(`${server.origin}/r0`, noPlugins))).code).toBe('GETTER_HTTP_FAILED');
    expect(server.requests).toHaveLength(11);
  });
});

describe('credentials (Helm: only to the repository host unless PassCredentialsAll)', () => {
  const auth = `Basic ${Buffer.from('me:s3cret').toString('base64')}`;
  const creds = { Username: 'me', Password: 's3cret' };

  it('are sent when href has the scheme and host of options.URL (or URL is not given)', async () => {
    const server = await startServer((_req, res) => res.end('x'));
    await fetchWithGetters(`${server.origin}/a.tgz`, { ...noPlugins, options: { ...creds, URL: `${server.origin}/` } });
    await fetchWithGetters(`${server.origin}/b.tgz`, { ...noPlugins, options: creds });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([auth, auth]);
  });

  it('are not sent to another host, unless PassCredentialsAll', async () => {
    const server = await startServer((_req, res) => res.end('x'));
    const other = 'http://charts.example:8080/';
    await fetchWithGetters(`${server.origin}/a.tgz`, { ...noPlugins, options: { ...creds, URL: other } });
    await fetchWithGetters(`${server.origin}/b.tgz`, {
      ...noPlugins,
      options: { ...creds, URL: other, PassCredentialsAll: true },
    });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, auth]);
  });

  it('need both a username and a password', async () => {
    const server = await startServer((_req, res) => res.end('x'));
    await fetchWithGetters(`${server.origin}/a.tgz`, { ...noPlugins, options: { Username: 'me' } });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe('built-in https getter with TLS options', () => {
  it('trusts a server through CAFile', async () => {
    const server = await startHttpsServer((_req, res) => res.end('secure'));
    const bytes = await fetchWithGetters(`${server.origin}/index.yaml`, {
      ...noPlugins,
      options: { CAFile: tlsFixture('server-cert.pem') },
    });
    expect(text(bytes)).toBe('secure');
  });

  it('refuses an untrusted certificate: GETTER_HTTP_FAILED', async () => {
    const server = await startHttpsServer((_req, res) => res.end('secure'));
    expect((await codeOf(fetchWithGetters(`${server.origin}/index.yaml`, noPlugins))).code).toBe('GETTER_HTTP_FAILED');
  });

  it('skips verification with InsecureSkipVerifyTLS', async () => {
    const server = await startHttpsServer((_req, res) => res.end('insecure'));
    const bytes = await fetchWithGetters(`${server.origin}/index.yaml`, {
      ...noPlugins,
      options: { InsecureSkipVerifyTLS: true },
    });
    expect(text(bytes)).toBe('insecure');
  });

  it('fails with GETTER_TLS_CONFIG when a TLS file cannot be read', async () => {
    const { code } = await codeOf(
      fetchWithGetters('https://127.0.0.1:1/x', { ...noPlugins, options: { CAFile: tlsFixture('missing.pem') } }),
    );
    expect(code).toBe('GETTER_TLS_CONFIG');
  });
});
