import { copyFileSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePlugin } from '../src/package/package-plugin.js';
import { signPluginTarball } from '../src/sign/sign-tarball.js';
import { verifyPluginTarball } from '../src/verify/verify-tarball.js';
import {
  copyPlugin,
  HELM_TEST_FINGERPRINT,
  HELM_TEST_UID,
  KEYS,
  PLUGDIR_GOOD,
  realHelm,
  registry,
  tarBytes,
  tempDir,
} from './support.js';

const signing = { keyring: KEYS.secret, key: 'helm-test' };

/** A plugin directory with a nested tree, an executable, a hidden file and sub-second mtimes. */
function samplePlugin(): string {
  const dir = copyPlugin(path.join(PLUGDIR_GOOD, 'hello-v1'), path.join(tempDir(), 'hello-src'));
  mkdirSync(path.join(dir, 'lib', 'deep'), { recursive: true });
  writeFileSync(path.join(dir, 'lib', 'deep', 'data.bin'), Buffer.alloc(1500, 7));
  writeFileSync(path.join(dir, '.helmignore'), 'ignored by nobody\n');
  writeFileSync(path.join(dir, `${'n'.repeat(120)}.txt`), 'long name\n');
  utimesSync(path.join(dir, 'hello.sh'), 1_700_000_000.6, 1_700_000_000.6);
  return dir;
}

describe('package: the same tarball as real Helm 4', () => {
  it('uncompressed, our tarball is byte-identical to Helm’s CreatePluginTarball output', async () => {
    const dir = samplePlugin();
    const home = tempDir();
    const helmOut = path.join(home, 'helm-out');
    const real = await realHelm(home, ['plugin', 'package', dir, '--sign=false', '-d', helmOut]);
    expect(real.status, real.stderr).toBe(0);
    const ours = await packagePlugin({ dir, destination: path.join(home, 'ours'), sign: false, registry });
    const theirs = readFileSync(path.join(helmOut, 'hello-v1-0.1.0.tgz'));
    expect(tarBytes(readFileSync(ours.tarball)).equals(tarBytes(theirs))).toBe(true);
  });
});

describe('sign and verify: interchangeable with real Helm 4', () => {
  it('real Helm verifies what we package and sign', async () => {
    const home = tempDir();
    const ours = await packagePlugin({ dir: samplePlugin(), destination: home, signing, registry });
    const real = await realHelm(home, ['plugin', 'verify', ours.tarball, '--keyring', KEYS.pub]);
    expect(real.status, real.stderr).toBe(0);
    expect(real.stdout).toBe(
      `Signed by: ${HELM_TEST_UID}\nUsing Key With Fingerprint: ${HELM_TEST_FINGERPRINT}\n` +
        `Plugin Hash Verified: ${(await verifyPluginTarball({ tarball: ours.tarball, keyring: KEYS.pub })).hash}\n`,
    );
  });

  it('we verify what real Helm packages and signs', async () => {
    const home = tempDir();
    const real = await realHelm(home, [
      'plugin',
      'package',
      samplePlugin(),
      '--keyring',
      KEYS.secret,
      '--key',
      'helm-test',
      '-d',
      home,
    ]);
    expect(real.status, real.stderr).toBe(0);
    const verified = await verifyPluginTarball({ tarball: path.join(home, 'hello-v1-0.1.0.tgz'), keyring: KEYS.pub });
    expect(verified).toMatchObject({ signedBy: [HELM_TEST_UID], fingerprint: HELM_TEST_FINGERPRINT });
  });

  it('`sign` writes the .prov `package --sign` would: the same text before the signature; Helm verifies it', async () => {
    const home = tempDir();
    const helmOut = path.join(home, 'helm');
    const real = await realHelm(home, [
      'plugin',
      'package',
      samplePlugin(),
      '--keyring',
      KEYS.secret,
      '--key',
      'helm-test',
      '-d',
      helmOut,
    ]);
    expect(real.status, real.stderr).toBe(0);
    const tarball = path.join(home, 'hello-v1-0.1.0.tgz');
    copyFileSync(path.join(helmOut, 'hello-v1-0.1.0.tgz'), tarball);
    const signed = await signPluginTarball({ tarball, signing, registry });
    expect(signed).toMatchObject({ prov: `${tarball}.prov`, name: 'hello-v1', version: '0.1.0' });
    const beforeSignature = (file: string) => readFileSync(file, 'utf8').split('-----BEGIN PGP SIGNATURE-----')[0];
    expect(beforeSignature(signed.prov)).toBe(beforeSignature(path.join(helmOut, 'hello-v1-0.1.0.tgz.prov')));
    const verify = await realHelm(home, ['plugin', 'verify', tarball, '--keyring', KEYS.pub]);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toContain(`Using Key With Fingerprint: ${HELM_TEST_FINGERPRINT}`);
  });
});
