import { Helm4Error } from '@helm4/errors';
import type { LoadedPlugin } from '@helm4/manifest';
import type { InvokeInput, PluginInstance } from '@helm4/runtime';
import { describe, expect, it } from 'vitest';
import { defaultGetterOptions } from '../defaults.js';
import { fetchWithGetters } from './fetch-with-getters.js';

const plugin = (name: string, protocols: string[]): LoadedPlugin => ({
  dir: `/plugins/${name}`,
  metadata: {
    apiVersion: 'v1',
    name,
    type: 'getter/v1',
    runtime: 'subprocess',
    version: '0.1.0',
    sourceURL: '',
    config: { protocols },
    runtimeConfig: {},
  },
});

/** An instance whose invoke records its input and answers with `reply`. */
function fakeRuntime(reply: (input: InvokeInput) => unknown) {
  const calls: { plugin: string; input: InvokeInput }[] = [];
  const instantiate = async (p: LoadedPlugin): Promise<PluginInstance> => ({
    dir: p.dir,
    metadata: p.metadata,
    async invoke(input) {
      calls.push({ plugin: p.metadata.name, input });
      return { message: reply(input) } as never;
    },
    invokeHook: async () => {},
  });
  return { calls, instantiate };
}

async function failure(promise: Promise<unknown>): Promise<Helm4Error> {
  const err = await promise.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Helm4Error);
  return err as Helm4Error;
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('fetchWithGetters with getter plugins', () => {
  it('invokes the first plugin serving the scheme with {href, protocol, options} and the HELM_* env', async () => {
    const { calls, instantiate } = fakeRuntime((input) => ({
      data: b64(`got ${(input.message as { href: string }).href}`),
    }));
    const bytes = await fetchWithGetters('s3://bucket/app-1.0.0.tgz', {
      plugins: [plugin('first', ['gs', 's3']), plugin('second', ['s3'])],
      instantiate,
      env: { HELM_NAMESPACE: 'team' },
      options: { Username: 'me', Timeout: 5_000_000_000 },
    });
    expect(Buffer.from(bytes).toString()).toBe('got s3://bucket/app-1.0.0.tgz');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.plugin).toBe('first');
    expect(calls[0]?.input).toEqual({
      message: {
        href: 's3://bucket/app-1.0.0.tgz',
        protocol: 's3',
        options: {
          ...defaultGetterOptions(),
          URL: 's3://bucket/app-1.0.0.tgz',
          Username: 'me',
          Timeout: 5_000_000_000,
        },
      },
      env: { HELM_NAMESPACE: 'team' },
    });
  });

  it('routes by the lower-cased scheme and keeps options.URL when given', async () => {
    const { calls, instantiate } = fakeRuntime(() => ({ data: '' }));
    await fetchWithGetters('S3://Bucket/x', {
      plugins: [plugin('s3', ['s3'])],
      instantiate,
      options: { URL: 's3://bucket/' },
    });
    expect(calls[0]?.input.message).toMatchObject({ protocol: 's3', options: { URL: 's3://bucket/' } });
  });

  it('never hands http or https to a plugin', async () => {
    const { calls, instantiate } = fakeRuntime(() => ({ data: '' }));
    const fetchStub: typeof fetch = async () => new Response('from the built-in');
    const bytes = await fetchWithGetters('https://charts.example/index.yaml', {
      plugins: [plugin('greedy', ['https', 'http'])],
      instantiate,
      fetch: fetchStub,
    });
    expect(Buffer.from(bytes).toString()).toBe('from the built-in');
    expect(calls).toEqual([]);
  });

  it('treats {"data": null} as no bytes', async () => {
    const { instantiate } = fakeRuntime(() => ({ data: null }));
    expect(await fetchWithGetters('s3://b/c', { plugins: [plugin('s3', ['s3'])], instantiate })).toHaveLength(0);
  });

  it.each([[{}], [{ data: 'not base64!' }], ['text'], [null]])(
    'fails with GETTER_INVALID_OUTPUT for %j',
    async (reply) => {
      const { instantiate } = fakeRuntime(() => reply);
      const err = await failure(fetchWithGetters('s3://b/c', { plugins: [plugin('s3', ['s3'])], instantiate }));
      expect(err.code).toBe('GETTER_INVALID_OUTPUT');
    },
  );

  it('wraps a plugin failure as GETTER_PLUGIN_FAILED, keeping the inner code but not the exit code', async () => {
    const inner = new Helm4Error('RUNTIME_EXIT', 'plugin "s3" exited with error', { details: { exitCode: 3 } });
    const instantiate = async (p: LoadedPlugin): Promise<PluginInstance> => ({
      dir: p.dir,
      metadata: p.metadata,
      invoke: () => Promise.reject(inner),
      invokeHook: async () => {},
    });
    const err = await failure(fetchWithGetters('s3://b/c', { plugins: [plugin('s3', ['s3'])], instantiate }));
    expect(err.code).toBe('GETTER_PLUGIN_FAILED');
    expect(err.cause).toBe(inner);
    expect(err.details).toMatchObject({ plugin: 's3', reason: 'RUNTIME_EXIT', pluginExitCode: 3 });
    expect(err.details?.['exitCode']).toBeUndefined();
  });

  it('wraps a failure to instantiate as GETTER_PLUGIN_FAILED', async () => {
    const instantiate = () => Promise.reject(new Helm4Error('RUNTIME_MISMATCH', 'wrong runtime'));
    const err = await failure(fetchWithGetters('s3://b/c', { plugins: [plugin('s3', ['s3'])], instantiate }));
    expect(err.code).toBe('GETTER_PLUGIN_FAILED');
    expect(err.details?.['reason']).toBe('RUNTIME_MISMATCH');
  });
});

describe('fetchWithGetters without a provider', () => {
  const { instantiate } = fakeRuntime(() => ({ data: '' }));

  it('fails with GETTER_NO_PROVIDER for an unserved scheme', async () => {
    const err = await failure(fetchWithGetters('s3://b/c', { plugins: [plugin('gs', ['gs'])], instantiate }));
    expect(err.code).toBe('GETTER_NO_PROVIDER');
    expect(err.details).toMatchObject({ scheme: 's3', supported: ['http', 'https', 'oci', 'gs'] });
  });

  it('fails with GETTER_NO_PROVIDER for an href without a scheme', async () => {
    expect((await failure(fetchWithGetters('charts/app.tgz', { plugins: [], instantiate }))).code).toBe(
      'GETTER_NO_PROVIDER',
    );
  });

  it('fails with GETTER_OCI_UNSUPPORTED for oci:// even when a plugin lists oci', async () => {
    const err = await failure(
      fetchWithGetters('oci://registry/charts/app', { plugins: [plugin('o', ['oci'])], instantiate }),
    );
    expect(err.code).toBe('GETTER_OCI_UNSUPPORTED');
  });
});

describe('built-in getter redirects (through an injected fetch)', () => {
  const creds = { Username: 'me', Password: 's3cret' };
  const auth = `Basic ${Buffer.from('me:s3cret').toString('base64')}`;

  /** A fetch answering from a table of URL → response, recording the Authorization header of each request. */
  function routes(table: Record<string, () => Response>) {
    const seen: [string, string | null][] = [];
    const fetchStub: typeof fetch = async (input, init) => {
      const url = String(input);
      seen.push([url, new Headers(init?.headers).get('authorization')]);
      expect(init?.redirect).toBe('manual');
      const route = table[url];
      return route ? route() : new Response('missing', { status: 404 });
    };
    return { seen, fetchStub };
  }
  const redirect = (location: string) => () => new Response(null, { status: 302, headers: { location } });

  it('drops the credentials for good once a redirect leaves the host and its subdomains', async () => {
    const { seen, fetchStub } = routes({
      'https://charts.example/a.tgz': redirect('https://cdn.charts.example/a.tgz'),
      'https://cdn.charts.example/a.tgz': redirect('https://elsewhere.test/a.tgz'),
      'https://elsewhere.test/a.tgz': redirect('https://charts.example/final.tgz'),
      'https://charts.example/final.tgz': () => new Response('done'),
    });
    const bytes = await fetchWithGetters('https://charts.example/a.tgz', {
      plugins: [],
      instantiate: () => Promise.reject(new Error('unused')),
      options: creds,
      fetch: fetchStub,
    });
    expect(Buffer.from(bytes).toString()).toBe('done');
    expect(seen).toEqual([
      ['https://charts.example/a.tgz', auth],
      ['https://cdn.charts.example/a.tgz', auth],
      ['https://elsewhere.test/a.tgz', null],
      ['https://charts.example/final.tgz', null],
    ]);
  });

  it('refuses a redirect to another scheme: GETTER_HTTP_FAILED', async () => {
    const { fetchStub } = routes({ 'https://charts.example/a.tgz': redirect('file:///etc/passwd') });
    const err = await failure(
      fetchWithGetters('https://charts.example/a.tgz', {
        plugins: [],
        instantiate: () => Promise.reject(new Error('unused')),
        fetch: fetchStub,
      }),
    );
    expect(err.code).toBe('GETTER_HTTP_FAILED');
  });
});
