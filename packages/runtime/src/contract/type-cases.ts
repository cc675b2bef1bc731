import { describe, expect, it } from 'vitest';
import type { ContractContext } from './context.js';
import { rejectsWithCode } from './expect-code.js';

const manifests = [
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: FOOTEST',
  'data:',
  '  key: FOOTEST-FOOTEST',
  '---',
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: untouched',
  '',
].join('\n');

/** Getter options as Helm sends them (Go field names, zero values). */
const goOptions = (url: string) => ({
  URL: url,
  CertFile: '',
  KeyFile: '',
  CAFile: '',
  UNTar: false,
  InsecureSkipVerifyTLS: false,
  PlainHTTP: false,
  AcceptHeader: '',
  Username: '',
  Password: '',
  PassCredentialsAll: false,
  UserAgent: '',
  Version: '',
  Timeout: 0,
});

const getterMessage = (href: string) => ({ href, protocol: 'contract', options: goOptions(href) });

export function typeCases({ options, instantiate }: ContractContext): void {
  const { fixtures } = options;

  describe('postrenderer/v1', () => {
    it('returns the post-rendered manifests as {manifests}', async () => {
      const instance = await instantiate(fixtures.postrenderer);
      const output = await instance.invoke({ message: { manifests, extraArgs: [] } });
      expect(output.message).toEqual({ manifests: manifests.replaceAll('FOOTEST', 'BARTEST') });
    });

    it('passes the extra args', async () => {
      const instance = await instantiate(fixtures.postrenderer);
      const output = await instance.invoke({ message: { manifests, extraArgs: ['a', 'b'] } });
      expect(output.message).toEqual({ manifests: manifests.replaceAll('FOOTEST', 'a b') });
    });

    it('carries a large input through unchanged where nothing matches', async () => {
      const instance = await instantiate(fixtures.postrenderer);
      const line = `${'x'.repeat(99)}\n`;
      const big = line.repeat(20_000); // about 2 MB
      const output = await instance.invoke({ message: { manifests: big, extraArgs: [] } });
      expect((output.message as { manifests: string }).manifests === big).toBe(true);
    });

    it('keeps concurrent invocations apart', async () => {
      const instance = await instantiate(fixtures.postrenderer);
      const outputs = await Promise.all(
        ['p', 'q', 'r', 's'].map((arg) => instance.invoke({ message: { manifests, extraArgs: [arg] } })),
      );
      expect(outputs.map((o) => o.message)).toEqual(
        ['p', 'q', 'r', 's'].map((arg) => ({ manifests: manifests.replaceAll('FOOTEST', arg) })),
      );
    });
  });

  describe('getter/v1', () => {
    it('returns the fetched bytes as {data: base64}', async () => {
      const instance = await instantiate(fixtures.getter);
      const href = 'contract://charts.example/stable/app-1.0.0.tgz';
      const output = await instance.invoke({ message: getterMessage(href), env: { HELM_NAMESPACE: 'x' } });
      const { data } = output.message as { data: string };
      expect(Buffer.from(data, 'base64').toString('utf8')).toBe(`content of ${href}`);
    });

    it('fails with RUNTIME_EXIT when the getter fails', async () => {
      const instance = await instantiate(fixtures.getter);
      const err = await rejectsWithCode(
        instance.invoke({ message: getterMessage('contract://charts.example/fail') }),
        'RUNTIME_EXIT',
      );
      expect(err.details?.['exitCode']).toBe(3);
    });

    it('fails with RUNTIME_INVALID_MESSAGE without an href', async () => {
      const instance = await instantiate(fixtures.getter);
      await rejectsWithCode(
        instance.invoke({ message: { protocol: 'contract', options: goOptions('') } }),
        'RUNTIME_INVALID_MESSAGE',
      );
    });
  });
}
