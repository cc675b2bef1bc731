import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { selfSignedCert, serveFiles } from '../../../../test-support/servers/http-server.js';
import {
  copyPlugin,
  HELM_TEST_FINGERPRINT,
  KEYS,
  PLUGDIR_GOOD,
  rawTgz,
  registry,
  tempDir,
} from '../../test/support.js';
import { packagePlugin } from '../package/package-plugin.js';
import { provenanceStatus } from '../provenance-status/signing-info.js';
import { installPlugin } from './install-plugin.js';
import { readSourceRecord } from './source-record.js';

function home() {
  const root = tempDir('helm4-home-');
  const settings = {
    pluginsDirectory: path.join(root, 'data', 'plugins'),
    dataHome: path.join(root, 'data'),
    cacheHome: path.join(root, 'cache'),
  };
  const lines: string[] = [];
  const hookOut = new PassThrough();
  let hookText = '';
  hookOut.on('data', (d: Buffer) => (hookText += d.toString()));
  return {
    root,
    settings,
    lines,
    hookText: () => hookText,
    base: {
      settings,
      registry,
      print: (l: string) => lines.push(l),
      hookOutput: { stdout: hookOut, stderr: hookOut },
    },
  };
}

async function signedTarball(plugin = 'hello-v1', sign = true): Promise<string> {
  const dest = tempDir();
  const { tarball } = await packagePlugin({
    dir: path.join(PLUGDIR_GOOD, plugin),
    destination: dest,
    sign,
    signing: { keyring: KEYS.secret, key: 'helm-test' },
    registry,
  });
  return tarball;
}

describe('installPlugin from a local directory', () => {
  it('links it ("local dev"), without verification, and runs the install hook', async () => {
    const h = home();
    const src = copyPlugin(path.join(PLUGDIR_GOOD, 'hello-v1'), path.join(tempDir(), 'my-hello'));
    const result = await installPlugin({ ...h.base, source: src });
    const target = path.join(h.settings.pluginsDirectory, 'hello-v1');
    expect(result).toMatchObject({ name: 'hello-v1', kind: 'local-dir', dir: target, verificationSkipped: false });
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readlinkSync(target)).toBe(src);
    expect(h.lines).toEqual([
      'Installing plugin from local directory (development mode)',
      'Installed plugin: hello-v1',
    ]);
    expect(h.hookText()).toBe('installing...\n');
    expect(await provenanceStatus(path.join(h.settings.dataHome, 'plugins'), 'hello-v1', '0.1.0')).toBe('local dev');
    expect(
      await readSourceRecord(path.join(h.settings.pluginsDirectory, '.helm4', 'sources'), 'hello-v1'),
    ).toMatchObject({ kind: 'local-dir', source: src, verified: false });
  });

  it('a second install of the same plugin is DIST_ALREADY_INSTALLED', async () => {
    const h = home();
    await installPlugin({ ...h.base, source: path.join(PLUGDIR_GOOD, 'echo-v1') });
    await expect(installPlugin({ ...h.base, source: path.join(PLUGDIR_GOOD, 'echo-v1') })).rejects.toMatchObject({
      code: 'DIST_ALREADY_INSTALLED',
    });
  });

  it('an extism/v1 plugin without its Wasm module is refused (Helm: "installed but unusable"), nothing installed', async () => {
    const h = home();
    const dir = path.join(tempDir(), 'nowasm');
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'plugin.yaml'),
      'apiVersion: v1\nname: nowasm\ntype: cli/v1\nruntime: extism/v1\nversion: 0.1.0\n',
    );
    const err = await installPlugin({ ...h.base, source: dir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DIST_INVALID_PLUGIN' });
    expect((err as Error).message).toContain(
      `wasm binary missing for extism/v1 plugin: ${JSON.stringify(path.join(dir, 'plugin.wasm'))}`,
    );
    expect(existsSync(path.join(h.settings.pluginsDirectory, 'nowasm'))).toBe(false);
    // With its module (HIP-0026's <name>.wasm counts too) it installs.
    writeFileSync(path.join(dir, 'nowasm.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    await installPlugin({ ...h.base, source: dir });
    expect(existsSync(path.join(h.settings.pluginsDirectory, 'nowasm'))).toBe(true);
  });

  it('a directory without plugin.yaml, a stray file and a missing path are refused', async () => {
    const h = home();
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), '');
    await expect(installPlugin({ ...h.base, source: dir })).rejects.toMatchObject({ code: 'DIST_NOT_A_PLUGIN_DIR' });
    await expect(installPlugin({ ...h.base, source: path.join(dir, 'notes.txt') })).rejects.toMatchObject({
      code: 'DIST_NOT_A_PLUGIN_DIR',
    });
    await expect(installPlugin({ ...h.base, source: path.join(dir, 'nope') })).rejects.toMatchObject({
      code: 'DIST_SOURCE_NOT_FOUND',
    });
  });
});

describe('installPlugin from a local tarball', () => {
  it('verifies the .prov, prints what Helm prints, keeps the tgz and .prov for `plugin list`', async () => {
    const h = home();
    const tarball = await signedTarball();
    const result = await installPlugin({ ...h.base, source: tarball, keyring: KEYS.pub });
    expect(result.verification).toMatchObject({ fingerprint: HELM_TEST_FINGERPRINT });
    expect(h.lines).toEqual([
      'Verifying plugin signature...',
      expect.stringMatching(/^Signed by: Helm Testing/),
      `Using Key With Fingerprint: ${HELM_TEST_FINGERPRINT}`,
      expect.stringMatching(/^Plugin Hash Verified: sha256:[0-9a-f]{64}$/),
      'Installed plugin: hello-v1',
    ]);
    const dir = path.join(h.settings.pluginsDirectory, 'hello-v1');
    expect(readdirSync(dir).sort()).toEqual(['hello.ps1', 'hello.sh', 'plugin.yaml']);
    expect(await provenanceStatus(path.join(h.settings.dataHome, 'plugins'), 'hello-v1', '0.1.0')).toBe('signed');
    expect(readdirSync(path.join(h.settings.pluginsDirectory, '.helm4', 'staging'))).toEqual([]);
  });

  it('a second install is DIST_ALREADY_INSTALLED before anything is verified, as in Helm', async () => {
    const h = home();
    const tarball = await signedTarball();
    await installPlugin({ ...h.base, source: tarball, keyring: KEYS.pub });
    h.lines.length = 0;
    // No keyring this time: Helm says the plugin exists, not that the keyring cannot be read.
    await expect(installPlugin({ ...h.base, source: tarball })).rejects.toMatchObject({
      code: 'DIST_ALREADY_INSTALLED',
    });
    expect(h.lines).toEqual(['Verifying plugin signature...']);
  });

  it('a missing .prov is an error (CVE-2026-35205): nothing installed, no hook run', async () => {
    const h = home();
    const tarball = await signedTarball('hello-v1', false);
    await expect(installPlugin({ ...h.base, source: tarball, keyring: KEYS.pub })).rejects.toMatchObject({
      code: 'DIST_PROV_NOT_FOUND',
    });
    expect(existsSync(path.join(h.settings.pluginsDirectory, 'hello-v1'))).toBe(false);
    expect(h.hookText()).toBe('');
  });

  it('a tampered tarball or an untrusted key fails verification: nothing installed, no hook run', async () => {
    const h = home();
    const tarball = await signedTarball();
    await expect(installPlugin({ ...h.base, source: tarball, keyring: KEYS.passwordSecret })).rejects.toMatchObject({
      code: 'DIST_VERIFICATION_FAILED',
      details: { reason: 'PROVENANCE_SIGNATURE_INVALID' },
    });
    writeFileSync(tarball, Buffer.concat([readFileSync(tarball), Buffer.from('x')]));
    await expect(installPlugin({ ...h.base, source: tarball, keyring: KEYS.pub })).rejects.toMatchObject({
      code: 'DIST_VERIFICATION_FAILED',
      details: { reason: 'PROVENANCE_HASH_MISMATCH' },
    });
    expect(existsSync(path.join(h.settings.pluginsDirectory, 'hello-v1'))).toBe(false);
    expect(h.hookText()).toBe('');
  });

  it('--verify=false and --allow-insecure-plugins install an unsigned tarball with a warning', async () => {
    const h = home();
    const tarball = await signedTarball('hello-v1', false);
    await installPlugin({ ...h.base, source: tarball, verify: false });
    expect(h.lines[0]).toBe('WARNING: Skipping plugin signature verification');
    const h2 = home();
    await installPlugin({ ...h2.base, source: tarball, allowInsecure: true });
    expect(h2.lines[0]).toMatch(/^WARNING: Skipping plugin signature verification \(--allow-insecure-plugins\)/);
    expect(await provenanceStatus(path.join(h.settings.dataHome, 'plugins'), 'hello-v1', '0.1.0')).toBe('unsigned');
  });

  it('a hostile archive is refused before anything is installed', async () => {
    const h = home();
    const file = path.join(tempDir(), 'evil-1.0.0.tgz');
    writeFileSync(
      file,
      rawTgz([
        { name: 'evil', type: '5' },
        { name: 'evil/plugin.yaml', body: 'name: evil\nversion: 1.0.0\ncommand: echo\n' },
        { name: 'evil/../../../../escape', body: 'x' },
      ]),
    );
    await expect(installPlugin({ ...h.base, source: file, verify: false })).rejects.toMatchObject({
      code: 'DIST_TAR_UNSAFE_PATH',
    });
    expect(readdirSync(h.settings.pluginsDirectory)).toEqual(['.helm4']);
  });

  it('a version that is not plain semver never builds a path (CVE-2026-35204)', async () => {
    const h = home();
    const file = path.join(tempDir(), 'evil-1.0.0.tgz');
    writeFileSync(
      file,
      rawTgz([{ name: 'evil/plugin.yaml', body: 'name: evil\nversion: ../../../../tmp/x\ncommand: echo\n' }]),
    );
    await expect(installPlugin({ ...h.base, source: file, verify: false })).rejects.toMatchObject({
      code: 'DIST_INVALID_PLUGIN',
    });
    expect(readdirSync(h.settings.pluginsDirectory)).toEqual(['.helm4']);
  });

  it('concurrent installs of one plugin are serialised: one wins, the other is DIST_ALREADY_INSTALLED', async () => {
    const h = home();
    const tarball = await signedTarball();
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => installPlugin({ ...h.base, source: tarball, keyring: KEYS.pub })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'DIST_ALREADY_INSTALLED' });
    }
    expect(readdirSync(path.join(h.settings.pluginsDirectory, 'hello-v1')).sort()).toEqual([
      'hello.ps1',
      'hello.sh',
      'plugin.yaml',
    ]);
  });
});

describe('installPlugin over HTTP', () => {
  it('downloads URL and URL.prov, verifies, reports progress', async () => {
    const h = home();
    const tarball = await signedTarball();
    await using server = await serveFiles(path.dirname(tarball));
    const seen: number[] = [];
    const progress = {
      start: (_label: string, total: number | undefined) => ({
        update: (n: number) => seen.push(n),
        done: () => seen.push(total ?? -1),
        fail: () => {},
      }),
    };
    const result = await installPlugin({
      ...h.base,
      source: `${server.url}/hello-v1-0.1.0.tgz`,
      keyring: KEYS.pub,
      progress,
    });
    expect(result).toMatchObject({
      kind: 'http',
      name: 'hello-v1',
      verification: { fingerprint: HELM_TEST_FINGERPRINT },
    });
    expect(server.requests).toEqual(['GET /hello-v1-0.1.0.tgz', 'GET /hello-v1-0.1.0.tgz.prov']);
    expect(seen.at(-1)).toBe(readFileSync(tarball).length);
  });

  it('404, a missing .prov, a huge body and a stalled server each fail with their code', async () => {
    const h = home();
    const tarball = await signedTarball('hello-v1', false);
    await using server = await serveFiles(path.dirname(tarball), (req, res) => {
      if (req.url === '/huge.tgz') {
        res.writeHead(200, { 'Content-Length': String(10 * 1024 * 1024) });
        res.write(Buffer.alloc(64 * 1024));
        return true;
      }
      if (req.url === '/chunked-huge.tgz') {
        res.writeHead(200);
        res.write(Buffer.alloc(2 * 1024 * 1024));
        return true;
      }
      if (req.url === '/stall.tgz') {
        res.writeHead(200, { 'Content-Length': '1000' });
        res.write('x');
        return true;
      }
      return false;
    });
    const install = (p: string, extra = {}) =>
      installPlugin({ ...h.base, source: `${server.url}${p}`, keyring: KEYS.pub, ...extra });
    await expect(install('/nope-1.0.0.tgz')).rejects.toMatchObject({
      code: 'DIST_HTTP_STATUS',
      details: { status: 404 },
    });
    await expect(install('/hello-v1-0.1.0.tgz')).rejects.toMatchObject({ code: 'DIST_PROV_NOT_FOUND' });
    const limits = { limits: { maxDownloadBytes: 1024 * 1024, idleTimeoutMs: 200 } };
    await expect(install('/huge.tgz', limits)).rejects.toMatchObject({ code: 'DIST_DOWNLOAD_TOO_LARGE' });
    await expect(install('/chunked-huge.tgz', limits)).rejects.toMatchObject({ code: 'DIST_DOWNLOAD_TOO_LARGE' });
    await expect(install('/stall.tgz', limits)).rejects.toMatchObject({ code: 'DIST_DOWNLOAD_TIMEOUT' });
    expect(readdirSync(h.settings.pluginsDirectory)).toEqual(['.helm4']);
  });

  it('a URL that is not a tarball cannot be verified: DIST_VERIFY_UNSUPPORTED unless --verify=false', async () => {
    const h = home();
    mkdirSync(path.join(h.root, 'www'));
    await using server = await serveFiles(path.join(h.root, 'www'));
    await expect(installPlugin({ ...h.base, source: `${server.url}/some/repo` })).rejects.toMatchObject({
      code: 'DIST_VERIFY_UNSUPPORTED',
    });
  });
});

describe('installPlugin when the name is taken under another directory name', () => {
  it('is DIST_ALREADY_INSTALLED (Helm installs git plugins as <repo>.git)', async () => {
    const h = home();
    copyPlugin(path.join(PLUGDIR_GOOD, 'echo-v1'), path.join(h.settings.pluginsDirectory, 'echo-v1.git'));
    await expect(installPlugin({ ...h.base, source: path.join(PLUGDIR_GOOD, 'echo-v1') })).rejects.toMatchObject({
      code: 'DIST_ALREADY_INSTALLED',
      details: { path: path.join(h.settings.pluginsDirectory, 'echo-v1.git') },
    });
  });
});

describe('installPlugin over HTTPS', () => {
  it('an unknown certificate is refused; --ca-file or --insecure-skip-tls-verify accept it', async () => {
    const h = home();
    const tarball = await signedTarball();
    const tls = selfSignedCert(tempDir());
    await using server = await serveFiles(path.dirname(tarball), undefined, tls);
    const source = `${server.url}/hello-v1-0.1.0.tgz`;
    await expect(installPlugin({ ...h.base, source, keyring: KEYS.pub })).rejects.toMatchObject({
      code: 'DIST_HTTP_FAILED',
    });
    await installPlugin({ ...h.base, source, keyring: KEYS.pub, tls: { caFile: tls.certFile } });
    const h2 = home();
    await installPlugin({ ...h2.base, source, keyring: KEYS.pub, tls: { insecureSkipTlsVerify: true } });
    const h3 = home();
    await expect(
      installPlugin({ ...h3.base, source, keyring: KEYS.pub, tls: { caFile: path.join(h3.root, 'none.pem') } }),
    ).rejects.toMatchObject({ code: 'DIST_TLS_CONFIG' });
  });
});
