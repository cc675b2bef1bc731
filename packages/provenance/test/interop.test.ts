import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decryptSigningKey,
  type ProvenanceMetadata,
  provenanceDigest,
  readKeyring,
  selectSigningKey,
  signProvenance,
  verifyProvenance,
} from '../src/index.js';
import { PLUGDIR_METADATA } from './fixtures/plugdir-metadata.js';
import { pluginYaml, STRESS_METADATA } from './fixtures/stress-metadata.js';
import { gpg, gpgHome } from './gpg.js';
import {
  HELM_FIXTURES,
  HELM_PROVS,
  HELM_TEST_FINGERPRINT,
  HELM_TEST_UID,
  PLUGDIR_GOOD,
  REAL_HELM,
  tempDir,
  testdata,
} from './support.js';

const beforeSignature = (prov: string) => prov.slice(0, prov.indexOf('-----BEGIN PGP SIGNATURE-----'));
const helmTestKey = async () => selectSigningKey(await readKeyring(testdata('helm-test-key.secret')), 'helm-test');

/** Runs real Helm with every HELM_*_HOME in `home`; output captured. */
function helm(home: string, args: string[]) {
  return spawnSync(REAL_HELM, args, {
    encoding: 'utf8',
    env: {
      ...process.env,
      HELM_DATA_HOME: join(home, 'data'),
      HELM_CACHE_HOME: join(home, 'cache'),
      HELM_CONFIG_HOME: join(home, 'config'),
      HELM_PLUGINS: join(home, 'data', 'plugins'),
    },
  });
}

/** Plugin directories for Helm to package, each with the metadata we expect Helm to load from it. */
type Case = { tarball: string; metadata: ProvenanceMetadata; make: (dir: string) => void };

function copyFixture(from: string, extra: Record<string, string> = {}) {
  return (dir: string) => {
    cpSync(from, dir, { recursive: true });
    for (const entry of readdirSync(dir, { recursive: true })) chmodSync(join(dir, String(entry)), 0o755);
    chmodSync(dir, 0o755);
    for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, name), content);
  };
}

const CASES: Case[] = [
  ...Object.entries(PLUGDIR_METADATA).map(([tarball, metadata]) => ({
    tarball,
    metadata,
    make:
      metadata.name === 'extismv1-test'
        ? copyFixture(join(HELM_FIXTURES, 'internal', 'plugin', 'testdata', 'src', 'extismv1-test'), {
            'plugin.wasm': '',
          })
        : copyFixture(join(PLUGDIR_GOOD, metadata.name)),
  })),
  ...Object.entries(STRESS_METADATA).map(([tarball, metadata]) => ({
    tarball,
    metadata,
    make: (dir: string) => {
      mkdirSync(dir);
      writeFileSync(join(dir, 'plugin.yaml'), pluginYaml(metadata));
      if (metadata.runtime === 'extism/v1') writeFileSync(join(dir, 'plugin.wasm'), '');
    },
  })),
];

describe('real Helm v4.1.4 as the oracle', () => {
  it.each(CASES)(
    '$tarball: our .prov text equals `helm plugin package --sign`, and each side verifies the other',
    async ({ tarball, metadata, make }) => {
      const home = tempDir();
      const src = join(home, 'src', metadata.name);
      mkdirSync(join(home, 'src'));
      make(src);
      const out = join(home, 'out');
      const packaged = helm(home, [
        'plugin',
        'package',
        src,
        '--sign',
        '--key',
        'helm-test',
        '--keyring',
        testdata('helm-test-key.secret'),
        '-d',
        out,
      ]);
      expect(packaged.stderr).toBe('');
      expect(packaged.status).toBe(0);
      const tgzPath = join(out, tarball);
      const tgz = readFileSync(tgzPath);
      const helmProv = readFileSync(`${tgzPath}.prov`, 'utf8');
      if (process.env['HELM4_UPDATE_GOLDENS'] === '1') {
        copyFileSync(tgzPath, join(HELM_PROVS, tarball));
        copyFileSync(`${tgzPath}.prov`, join(HELM_PROVS, `${tarball}.prov`));
      }

      // Helm's .prov verifies with ours.
      const theirs = await verifyProvenance({
        provText: helmProv,
        tarball: tgzPath,
        keyring: testdata('helm-test-key.pub'),
      });
      expect(theirs).toMatchObject({ fingerprint: HELM_TEST_FINGERPRINT, hash: `sha256:${provenanceDigest(tgz)}` });

      // Ours is Helm's but for the signature packet...
      const ours = await signProvenance({ metadata, files: { [tarball]: tgz }, key: await helmTestKey() });
      expect(beforeSignature(ours)).toBe(beforeSignature(helmProv));

      // ...and `helm plugin verify` accepts it.
      const mine = join(home, 'mine');
      mkdirSync(mine);
      copyFileSync(tgzPath, join(mine, tarball));
      writeFileSync(join(mine, `${tarball}.prov`), ours);
      const verified = helm(home, [
        'plugin',
        'verify',
        join(mine, tarball),
        '--keyring',
        testdata('helm-test-key.pub'),
      ]);
      expect(verified.status).toBe(0);
      expect(verified.stdout).toContain(`Signed by: ${HELM_TEST_UID}\n`);
      expect(verified.stdout).toContain(`Using Key With Fingerprint: ${HELM_TEST_FINGERPRINT}\n`);
      expect(verified.stdout).toContain(`Plugin Hash Verified: sha256:${provenanceDigest(tgz)}\n`);
    },
  );

  it('`helm plugin install` accepts an unsigned Helm tarball once we have signed it', async () => {
    const home = tempDir();
    const src = join(home, 'echo-v1');
    copyFixture(join(PLUGDIR_GOOD, 'echo-v1'))(src);
    const out = join(home, 'out');
    expect(helm(home, ['plugin', 'package', src, '--sign=false', '-d', out]).status).toBe(0);
    const tgzPath = join(out, 'echo-v1-1.2.3.tgz');

    const unsigned = helm(home, ['plugin', 'install', tgzPath, '--keyring', testdata('helm-test-key.pub')]);
    expect(unsigned.status).not.toBe(0);

    const prov = await signProvenance({
      metadata: PLUGDIR_METADATA['echo-v1-1.2.3.tgz']!,
      files: { [basename(tgzPath)]: readFileSync(tgzPath) },
      key: await helmTestKey(),
    });
    writeFileSync(`${tgzPath}.prov`, prov);
    const installed = helm(home, ['plugin', 'install', tgzPath, '--keyring', testdata('helm-test-key.pub')]);
    expect(installed.status).toBe(0);
    expect(installed.stdout).toContain('Installed plugin: echo-v1');
  });

  it('Helm rejects our .prov for a changed tarball, and verifies one signed with the passphrase key', async () => {
    const home = tempDir();
    const tarball = join(home, 'echo-v1-1.2.3.tgz');
    copyFileSync(join(HELM_PROVS, 'echo-v1-1.2.3.tgz'), tarball);
    const keyring = await readKeyring(testdata('helm-password-key.secret'));
    const key = await decryptSigningKey(selectSigningKey(keyring, 'fake@helm.sh'), 'secret');
    const metadata = PLUGDIR_METADATA['echo-v1-1.2.3.tgz']!;

    writeFileSync(
      `${tarball}.prov`,
      await signProvenance({ metadata, files: { 'echo-v1-1.2.3.tgz': 'ab'.repeat(32) }, key }),
    );
    expect(
      helm(home, ['plugin', 'verify', tarball, '--keyring', testdata('helm-password-key.secret')]).status,
    ).not.toBe(0);

    writeFileSync(
      `${tarball}.prov`,
      await signProvenance({ metadata, files: { 'echo-v1-1.2.3.tgz': readFileSync(tarball) }, key }),
    );
    const ok = helm(home, ['plugin', 'verify', tarball, '--keyring', testdata('helm-password-key.secret')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Signed by: password key (fake) <fake@helm.sh>\n');
    expect(helm(home, ['plugin', 'verify', tarball, '--keyring', testdata('helm-test-key.pub')]).status).not.toBe(0);
  });
});

describe('gpg as the oracle', () => {
  it('`gpg --verify` accepts what we sign and rejects it once edited', async () => {
    const home = gpgHome();
    expect(gpg(home, ['--import', testdata('helm-test-key.pub')]).status).toBe(0);
    const dir = tempDir();
    for (const [name, metadata] of Object.entries({ ...PLUGDIR_METADATA, ...STRESS_METADATA })) {
      const prov = await signProvenance({
        metadata,
        files: { [name]: new Uint8Array([1, 2, 3]) },
        key: await helmTestKey(),
      });
      const path = join(dir, `${name}.prov`);
      writeFileSync(path, prov);
      const good = gpg(home, ['--status-fd', '1', '--verify', path]);
      expect(good.status, good.stderr).toBe(0);
      expect(good.stdout.toString()).toContain(`[GNUPG:] VALIDSIG ${HELM_TEST_FINGERPRINT} `);

      writeFileSync(path, prov.replace('\nName: ', '\nName: x'));
      const bad = gpg(home, ['--status-fd', '1', '--verify', path]);
      expect(bad.status).not.toBe(0);
      expect(bad.stdout.toString()).toContain('[GNUPG:] BADSIG ');
    }
  });
});
