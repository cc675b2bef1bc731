import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnAsync } from './distribution-support.js';
import { ourHelm, runOurs, runReal, sharedFixtures, tempHelmHome } from './support.js';

const echoV1 = path.join(sharedFixtures, 'internal/plugin/testdata/plugdir/good/echo-v1');
const keys = {
  pub: path.join(sharedFixtures, 'pkg/cmd/testdata/helm-test-key.pub'),
  secret: path.join(sharedFixtures, 'pkg/cmd/testdata/helm-test-key.secret'),
  password: path.join(sharedFixtures, 'pkg/provenance/testdata/helm-password-key.secret'),
};
const UID = 'Helm Testing (This key should only be used for testing. DO NOT TRUST.) <helm-testing@helm.sh>';
const FINGERPRINT = '5E615389B53CA37F0EE60BD3843BBF981FC18762';

describe('helm plugin package / sign / verify', () => {
  it('package --sign prints what Helm prints; real Helm verifies the result and prints the same as ours', () => {
    using home = tempHelmHome();
    const dest = path.join(home.root, 'out');
    const pack = runOurs(
      ['plugin', 'package', echoV1, '--keyring', keys.secret, '--key', 'helm-test', '-d', dest],
      home.env,
    );
    expect(pack.stderr).toBe('');
    expect(pack.status).toBe(0);
    const tgz = path.join(dest, 'echo-v1-1.2.3.tgz');
    expect(pack.stdout).toBe(
      `Successfully signed. Signature written to: ${tgz}.prov\nSuccessfully packaged plugin and saved it to: ${tgz}\n`,
    );
    // Artifact Hub metadata beside the tarball (HIP-0026 roadmap), with the signing key; Helm's output unchanged.
    expect(readdirSync(dest).sort()).toEqual(['artifacthub-pkg.yml', 'echo-v1-1.2.3.tgz', 'echo-v1-1.2.3.tgz.prov']);
    expect(readFileSync(path.join(dest, 'artifacthub-pkg.yml'), 'utf8')).toContain(
      `helm.sh/plugin/signing-key-fingerprint: "${FINGERPRINT}"`,
    );
    const real = runReal(['plugin', 'verify', tgz, '--keyring', keys.pub], home.env);
    const ours = runOurs(['plugin', 'verify', tgz, '--keyring', keys.pub], home.env);
    expect(real.status).toBe(0);
    expect(ours.status).toBe(0);
    expect(ours.stdout).toBe(real.stdout);
    expect(ours.stdout).toMatch(
      new RegExp(`^Signed by: ${UID.replace(/[().]/g, '\\$&')}\nUsing Key With Fingerprint: ${FINGERPRINT}\n`),
    );
  });

  it('--sign=false warns like Helm; verify then fails with DIST_PROV_NOT_FOUND and a hint', () => {
    using home = tempHelmHome();
    const dest = path.join(home.root, 'out');
    const pack = runOurs(['plugin', 'package', echoV1, '--sign=false', '-d', dest], home.env);
    const real = runReal(['plugin', 'package', echoV1, '--sign=false', '-d', path.join(home.root, 'real')], home.env);
    expect(pack.status).toBe(0);
    expect(pack.stdout.replaceAll(dest, 'D')).toBe(real.stdout.replaceAll(path.join(home.root, 'real'), 'D'));
    const verify = runOurs(['plugin', 'verify', path.join(dest, 'echo-v1-1.2.3.tgz'), '--keyring', keys.pub], home.env);
    expect(verify.status).toBe(1);
    expect(verify.stderr).toMatch(/^Error: could not find provenance file .*\[DIST_PROV_NOT_FOUND\]\n {2}hint: /);
  });

  it('--passphrase-file - reads the passphrase from stdin (pipe)', () => {
    using home = tempHelmHome();
    const dest = path.join(home.root, 'out');
    const pack = runOurs(
      ['plugin', 'package', echoV1, '--keyring', keys.password, '--passphrase-file', '-', '-d', dest],
      home.env,
      'secret\n',
    );
    expect(pack.stderr).toBe('');
    expect(existsSync(path.join(dest, 'echo-v1-1.2.3.tgz.prov'))).toBe(true);
    const wrong = runOurs(
      ['plugin', 'package', echoV1, '--keyring', keys.password, '--passphrase-file', '-', '-d', dest],
      home.env,
      'wrong\n',
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('[PROVENANCE_BAD_PASSPHRASE]');
  });

  it('on a terminal, a locked key is unlocked by a prompt like Helm’s (`script` gives helm a pty)', async () => {
    using home = tempHelmHome();
    const dest = path.join(home.root, 'out');
    const command = [process.execPath, ourHelm, 'plugin', 'package', echoV1, '--keyring', keys.password, '-d', dest]
      .map((a) => `'${a}'`)
      .join(' ');
    const tty = await spawnAsync('script', ['-qec', command, '/dev/null'], home.env, { input: 'secret\n' });
    expect(tty.status, tty.stdout).toBe(0);
    expect(tty.stdout).toContain('Password for key "password key (fake) <fake@helm.sh>" >  ');
    expect(tty.stdout).toContain(`Successfully signed. Signature written to: ${dest}/echo-v1-1.2.3.tgz.prov`);
  });

  it('sign writes TGZ.prov for a tarball real Helm packaged; real Helm verifies it', () => {
    using home = tempHelmHome();
    const dest = path.join(home.root, 'out');
    mkdirSync(dest);
    expect(runReal(['plugin', 'package', echoV1, '--sign=false', '-d', dest], home.env).status).toBe(0);
    const tgz = path.join(dest, 'echo-v1-1.2.3.tgz');
    const sign = runOurs(['plugin', 'sign', tgz, '--keyring', keys.secret, '--key', 'helm-test'], home.env);
    expect(sign.stderr).toBe('');
    expect(sign.stdout).toBe(`Successfully signed. Signature written to: ${tgz}.prov\n`);
    const real = runReal(['plugin', 'verify', tgz, '--keyring', keys.pub], home.env);
    expect(real.status).toBe(0);
    expect(real.stdout).toContain(`Using Key With Fingerprint: ${FINGERPRINT}`);
  });

  it('errors are one line with a code and exit 1: directory to verify, tarball to package, bad keyring', () => {
    using home = tempHelmHome();
    const tgz = path.join(home.root, 'x-1.0.0.tgz');
    writeFileSync(tgz, 'junk');
    const cases: [string[], string][] = [
      [['plugin', 'verify', echoV1], 'DIST_NOT_A_TARBALL'],
      [['plugin', 'package', tgz], 'DIST_NOT_A_DIRECTORY'],
      [['plugin', 'sign', tgz, '--keyring', path.join(home.root, 'none.gpg')], 'PROVENANCE_KEYRING_READ_FAILED'],
      [['plugin', 'sign', tgz, '--keyring', keys.secret], 'DIST_TAR_INVALID'],
    ];
    for (const [args, code] of cases) {
      const r = runOurs(args, home.env);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr.split('\n')[0], args.join(' ')).toMatch(new RegExp(`^Error: .*\\[${code}\\]$`));
    }
  });

  it('--json gives the result object', () => {
    using home = tempHelmHome();
    const dest = path.join(home.root, 'out');
    const pack = runOurs(['plugin', 'package', echoV1, '--sign=false', '-d', dest, '--json'], home.env);
    expect(JSON.parse(pack.stdout)).toEqual({
      name: 'echo-v1',
      version: '1.2.3',
      tarball: path.join(dest, 'echo-v1-1.2.3.tgz'),
      artifactHub: path.join(dest, 'artifacthub-pkg.yml'),
      warnings: [],
    });
  });

  it('a problem that does not stop packaging is a WARNING line on stderr (a legacy plugin without a version)', () => {
    using home = tempHelmHome();
    const src = path.join(home.root, 'noversion');
    mkdirSync(src);
    writeFileSync(path.join(src, 'plugin.yaml'), 'name: noversion\ndescription: d\ncommand: echo\n');
    const dest = path.join(home.root, 'out');
    const pack = runOurs(['plugin', 'package', src, '--sign=false', '-d', dest], home.env);
    expect(pack.status).toBe(0);
    expect(pack.stdout).toContain(`Successfully packaged plugin and saved it to: ${path.join(dest, 'noversion-.tgz')}`);
    expect(pack.stderr).toMatch(/^WARNING: artifacthub-pkg\.yml not written: Artifact Hub requires a version.*\n$/);
  });
});
