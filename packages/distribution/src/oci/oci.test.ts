import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRegistry } from '../../../../test-support/servers/oci-registry.js';
import { testHome } from '../../test/home.js';
import { HELM_TEST_FINGERPRINT, hookedPlugin, KEYS, registry, tempDir } from '../../test/support.js';
import { readBody } from '../http/client.js';
import { installPlugin } from '../install/install-plugin.js';
import { packagePlugin } from '../package/package-plugin.js';
import { updatePlugins } from '../update/update-plugin.js';
import { OCI_MANIFEST } from './pull-plugin.js';
import { EMPTY_CONFIG, pushPlugin } from './push-plugin.js';
import { RegistryClient } from './registry-client.js';

const signing = { keyring: KEYS.secret, key: 'helm-test' };

async function release(version: string, sign = true, name = 'ociplug'): Promise<string> {
  const src = hookedPlugin(path.join(tempDir(), `${name}-${version}`), name, version);
  return (await packagePlugin({ dir: src, destination: tempDir(), sign, signing, registry })).tarball;
}

const installedVersion = (h: ReturnType<typeof testHome>) =>
  readFileSync(path.join(h.settings.pluginsDirectory, 'ociplug', 'VERSION'), 'utf8').trim();

describe('OCI push and install against a real registry (docker-registry)', () => {
  it('push, then install verified; update to another tag with --version; install by digest', async () => {
    await using reg = await startRegistry();
    const pushed = await pushPlugin({
      tarball: await release('1.0.0'),
      reference: `oci://${reg.host}/plugins/ociplug`,
      plainHttp: true,
      registry,
    });
    expect(pushed).toMatchObject({
      reference: `oci://${reg.host}/plugins/ociplug:1.0.0`,
      signed: true,
      layers: [{ title: 'ociplug-1.0.0.tgz' }, { title: 'ociplug-1.0.0.tgz.prov' }],
    });
    expect(pushed.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    await pushPlugin({
      tarball: await release('2.0.0'),
      reference: `oci://${reg.host}/plugins/ociplug`,
      plainHttp: true,
      registry,
    });

    const h = testHome();
    const result = await installPlugin({
      ...h.base,
      source: `oci://${reg.host}/plugins/ociplug:1.0.0`,
      plainHttp: true,
      keyring: KEYS.pub,
    });
    expect(result).toMatchObject({
      kind: 'oci',
      version: '1.0.0',
      verification: { fingerprint: HELM_TEST_FINGERPRINT, filename: 'ociplug-1.0.0.tgz' },
      resolved: { digest: pushed.digest },
    });
    expect(h.hookText()).toBe('install 1.0.0\n');
    h.clear();
    await updatePlugins({ ...h.base, names: ['ociplug'], version: '2.0.0', keyring: KEYS.pub });
    expect(installedVersion(h)).toBe('2.0.0');
    expect(h.hookText()).toBe('update 2.0.0\n');

    const h2 = testHome();
    await installPlugin({
      ...h2.base,
      source: `oci://${reg.host}/plugins/ociplug@${pushed.digest}`,
      plainHttp: true,
      keyring: KEYS.pub,
    });
    expect(installedVersion(h2)).toBe('1.0.0');
  });

  it('unsigned artifacts need --verify=false; unknown tags, other artifact types and misnamed repositories fail', async () => {
    await using reg = await startRegistry();
    const base = `oci://${reg.host}/plugins/ociplug`;
    await pushPlugin({ tarball: await release('1.0.0', false), reference: base, plainHttp: true, registry });
    const h = testHome();
    const install = (source: string, extra = {}) =>
      installPlugin({ ...h.base, source, plainHttp: true, keyring: KEYS.pub, ...extra });
    await expect(install(`${base}:1.0.0`)).rejects.toMatchObject({ code: 'DIST_PROV_NOT_FOUND' });
    await expect(install(`${base}:9.9.9`)).rejects.toMatchObject({
      code: 'DIST_OCI_REGISTRY_ERROR',
      details: { status: 404 },
    });
    await expect(
      pushPlugin({
        tarball: await release('1.0.0'),
        reference: `oci://${reg.host}/plugins/other`,
        plainHttp: true,
        registry,
      }),
    ).rejects.toMatchObject({ code: 'DIST_OCI_REFERENCE_INVALID' });

    // Something else than a plugin under the same name.
    const client = new RegistryClient(reg.host, { plainHttp: true });
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: 'application/vnd.example.other',
        config: EMPTY_CONFIG,
        layers: [],
      }),
    );
    const put = await client.fetch('plugins/ociplug/manifests/other', {
      method: 'PUT',
      scope: RegistryClient.scope('plugins/ociplug', 'pull,push'),
      body: manifest,
      headers: { 'Content-Type': OCI_MANIFEST },
    });
    expect(put.status, (await readBody(put)).toString()).toBe(201);
    await expect(install(`${base}:other`)).rejects.toMatchObject({ code: 'DIST_OCI_NOT_A_PLUGIN' });

    await install(`${base}:1.0.0`, { verify: false });
    expect(installedVersion(h)).toBe('1.0.0');
  });

  it('token auth: the bearer challenge is answered; pushing needs credentials, pulling does not', async () => {
    await using reg = await startRegistry({ auth: { username: 'helm', password: 's3cret' } });
    const ref = `oci://${reg.host}/plugins/ociplug`;
    const tarball = await release('1.0.0');
    await expect(pushPlugin({ tarball, reference: ref, plainHttp: true, registry })).rejects.toMatchObject({
      code: 'DIST_OCI_AUTH_FAILED',
    });
    await expect(
      pushPlugin({ tarball, reference: ref, plainHttp: true, registry, username: 'helm', password: 'wrong' }),
    ).rejects.toMatchObject({ code: 'DIST_OCI_AUTH_FAILED' });
    await pushPlugin({ tarball, reference: ref, plainHttp: true, registry, username: 'helm', password: 's3cret' });
    // docker-registry lists the challenge's actions in Go map order: `pull,push` or `push,pull`.
    const pushScopes = reg.tokenRequests
      .filter((r) => r.startsWith('helm repository:plugins/ociplug:'))
      .map((r) =>
        r
          .slice(r.lastIndexOf(':') + 1)
          .split(',')
          .sort()
          .join(','),
      );
    expect(pushScopes).toContain('pull,push');

    const h = testHome();
    await installPlugin({ ...h.base, source: `${ref}:1.0.0`, plainHttp: true, keyring: KEYS.pub });
    expect(installedVersion(h)).toBe('1.0.0');
    expect(reg.tokenRequests).toContain('anonymous repository:plugins/ociplug:pull');
  });

  it('a renamed tarball with a .prov is refused (Helm checks the .prov under <name>-<version>.tgz)', async () => {
    await using reg = await startRegistry();
    const tarball = await release('1.0.0');
    const renamed = path.join(tempDir(), 'renamed.tgz');
    copyFileSync(tarball, renamed);
    copyFileSync(`${tarball}.prov`, `${renamed}.prov`);
    await expect(
      pushPlugin({ tarball: renamed, reference: `oci://${reg.host}/plugins/ociplug`, plainHttp: true, registry }),
    ).rejects.toMatchObject({ code: 'DIST_OPTIONS_INVALID' });
  });
});

describe('OCI transport errors', () => {
  it('TLS to a plain-HTTP registry fails with a hint to use --plain-http', async () => {
    await using reg = await startRegistry();
    const h = testHome();
    const err = await installPlugin({
      ...h.base,
      source: `oci://${reg.host}/plugins/ociplug:1.0.0`,
      verify: false,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DIST_HTTP_FAILED', hint: expect.stringContaining('--plain-http') });
  });
});
