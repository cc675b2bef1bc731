import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  copyPlugin,
  HELM_TEST_FINGERPRINT,
  HELM_TEST_UID,
  KEYS,
  PLUGDIR_GOOD,
  registry,
  tarBytes,
  tarNames,
  tempDir,
} from '../../test/support.js';
import { verifyPluginTarball } from '../verify/verify-tarball.js';
import { packagePlugin } from './package-plugin.js';

const signing = { keyring: KEYS.secret, key: 'helm-test' };

describe('packagePlugin', () => {
  it('writes <name>-<version>.tgz whose top directory is the plugin name, in filepath.Walk order', async () => {
    const dir = copyPlugin(path.join(PLUGDIR_GOOD, 'hello-v1'), path.join(tempDir(), 'src-dir'));
    mkdirSync(path.join(dir, 'sub', '.hidden'), { recursive: true });
    writeFileSync(path.join(dir, 'sub', '.hidden', 'x'), 'x');
    const dest = tempDir();
    const result = await packagePlugin({ dir, destination: dest, sign: false, registry });
    expect(result).toEqual({
      name: 'hello-v1',
      version: '0.1.0',
      tarball: path.join(dest, 'hello-v1-0.1.0.tgz'),
      artifactHub: path.join(dest, 'artifacthub-pkg.yml'),
      warnings: [],
    });
    const tgz = readFileSync(result.tarball);
    expect([tgz[0], tgz[1], tgz[9]]).toEqual([0x1f, 0x8b, 0xff]);
    expect(tarNames(tarBytes(tgz))).toEqual([
      'hello-v1',
      'hello-v1/hello.ps1',
      'hello-v1/hello.sh',
      'hello-v1/plugin.yaml',
      'hello-v1/sub',
      'hello-v1/sub/.hidden',
      'hello-v1/sub/.hidden/x',
    ]);
    expect(readdirSync(dest).sort()).toEqual(['artifacthub-pkg.yml', 'hello-v1-0.1.0.tgz']);
  });

  it('signs with the selected key; the .prov verifies against the public key', async () => {
    const dest = tempDir();
    const result = await packagePlugin({
      dir: path.join(PLUGDIR_GOOD, 'echo-v1'),
      destination: dest,
      signing,
      registry,
    });
    expect(result.prov).toBe(`${result.tarball}.prov`);
    expect(readFileSync(result.prov!, 'utf8')).toMatch(/^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n/);
    const verified = await verifyPluginTarball({ tarball: result.tarball, keyring: KEYS.pub });
    expect(verified).toMatchObject({ signedBy: [HELM_TEST_UID], fingerprint: HELM_TEST_FINGERPRINT });
    expect(verified.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('a passphrase-protected key is unlocked from --passphrase-file', async () => {
    const dest = tempDir();
    const file = path.join(dest, 'pass');
    writeFileSync(file, 'secret\n');
    const result = await packagePlugin({
      dir: path.join(PLUGDIR_GOOD, 'echo-v1'),
      destination: dest,
      signing: { keyring: KEYS.passwordSecret, passphraseFile: file },
      registry,
    });
    expect(existsSync(result.prov!)).toBe(true);
  });

  it('refuses a tarball, a missing path, a directory without plugin.yaml and an invalid plugin', async () => {
    const tmp = tempDir();
    writeFileSync(path.join(tmp, 'x.tgz'), '');
    mkdirSync(path.join(tmp, 'empty'));
    mkdirSync(path.join(tmp, 'bad'));
    writeFileSync(path.join(tmp, 'bad', 'plugin.yaml'), 'apiVersion: v1\nname: bad\n');
    const pack = (dir: string) => packagePlugin({ dir, destination: tmp, sign: false, registry });
    await expect(pack(path.join(tmp, 'x.tgz'))).rejects.toMatchObject({ code: 'DIST_NOT_A_DIRECTORY' });
    await expect(pack(path.join(tmp, 'nope'))).rejects.toMatchObject({ code: 'DIST_SOURCE_NOT_FOUND' });
    await expect(pack(path.join(tmp, 'empty'))).rejects.toMatchObject({ code: 'DIST_NOT_A_PLUGIN_DIR' });
    await expect(pack(path.join(tmp, 'bad'))).rejects.toMatchObject({ code: 'DIST_INVALID_PLUGIN' });
  });

  it('refuses a link inside the plugin and leaves no partial tarball', async () => {
    const dir = copyPlugin(path.join(PLUGDIR_GOOD, 'echo-v1'), path.join(tempDir(), 'echo'));
    symlinkSync('/etc/passwd', path.join(dir, 'zz-link'));
    const dest = tempDir();
    await expect(packagePlugin({ dir, destination: dest, sign: false, registry })).rejects.toMatchObject({
      code: 'DIST_UNSUPPORTED_FILE',
    });
    expect(readdirSync(dest)).toEqual([]);
  });

  it('a key error comes before anything is written', async () => {
    const dest = tempDir();
    await expect(
      packagePlugin({
        dir: path.join(PLUGDIR_GOOD, 'echo-v1'),
        destination: dest,
        signing: { keyring: KEYS.secret, key: 'nobody' },
        registry,
      }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_KEY_NOT_FOUND' });
    await expect(
      packagePlugin({
        dir: path.join(PLUGDIR_GOOD, 'echo-v1'),
        destination: dest,
        signing: { keyring: KEYS.passwordSecret },
        registry,
      }),
    ).rejects.toMatchObject({ code: 'PROVENANCE_PASSPHRASE_REQUIRED' });
    expect(readdirSync(dest)).toEqual([]);
  });
});
