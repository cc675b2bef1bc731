import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitDaemon, pluginRepo } from '../../../test-support/servers/git-server.js';
import { serveFiles } from '../../../test-support/servers/http-server.js';
import { startRegistry } from '../../../test-support/servers/oci-registry.js';
import { FINGERPRINT, goodPlugins, keys, ours, real } from './distribution-support.js';
import { tempHelmHome } from './support.js';

const UID = 'Helm Testing (This key should only be used for testing. DO NOT TRUST.) <helm-testing@helm.sh>';

function successLines(hash: string, name: string): string {
  return [
    'Verifying plugin signature...',
    `Signed by: ${UID}`,
    `Using Key With Fingerprint: ${FINGERPRINT}`,
    `Plugin Hash Verified: ${hash}`,
    `Installed plugin: ${name}`,
    '',
  ].join('\n');
}

const sha = (file: string) => `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;

async function ourSignedPackage(home: string, plugin = 'echo-v1'): Promise<string> {
  const dest = path.join(home, 'pkg');
  const r = await ours(
    ['plugin', 'package', path.join(goodPlugins, plugin), '--keyring', keys.secret, '--key', 'helm-test', '-d', dest],
    {},
  );
  expect(r.status, r.stderr).toBe(0);
  return path.join(dest, `${plugin}-1.2.3.tgz`);
}

describe('interop with real Helm 4: what we package, sign and push, Helm installs', () => {
  it('file: real Helm installs our signed tarball with the same output as ours; both list it as signed', async () => {
    using home = tempHelmHome();
    const tgz = await ourSignedPackage(home.root);
    using realHome = tempHelmHome();
    const theirs = await real(['plugin', 'install', tgz, '--keyring', keys.pub], realHome.env);
    const mine = await ours(['plugin', 'install', tgz, '--keyring', keys.pub], home.env);
    expect(theirs.status, theirs.stderr).toBe(0);
    expect(mine.status, mine.stderr).toBe(0);
    expect(mine.stdout).toBe(theirs.stdout);
    expect(mine.stdout).toBe(successLines(sha(tgz), 'echo-v1'));
    // Each side's plugin list of the other's install.
    const listTheirs = await real(['plugin', 'list'], home.env);
    const listOurs = await ours(['plugin', 'list'], realHome.env);
    expect(listTheirs.stdout).toMatch(/echo-v1\s+1\.2\.3\s+cli\/v1\s+v1\s+signed/);
    expect(listOurs.stdout).toBe((await real(['plugin', 'list'], realHome.env)).stdout);
  });

  it('HTTP: both install URL + URL.prov from a Node server, with the same output', async () => {
    using home = tempHelmHome();
    const tgz = await ourSignedPackage(home.root);
    await using server = await serveFiles(path.dirname(tgz));
    const url = `${server.url}/echo-v1-1.2.3.tgz`;
    using realHome = tempHelmHome();
    const theirs = await real(['plugin', 'install', url, '--keyring', keys.pub], realHome.env);
    const mine = await ours(['plugin', 'install', url, '--keyring', keys.pub], home.env);
    expect(theirs.status, theirs.stderr).toBe(0);
    expect(mine.status, mine.stderr).toBe(0);
    expect(mine.stdout).toBe(theirs.stdout);
  });

  it('OCI: real Helm installs what `helm plugin push` pushed to a real registry', async () => {
    using home = tempHelmHome();
    const tgz = await ourSignedPackage(home.root);
    await using reg = await startRegistry();
    const push = await ours(['plugin', 'push', tgz, `oci://${reg.host}/plugins/echo-v1`, '--plain-http'], home.env);
    expect(push.status, push.stderr).toBe(0);
    expect(push.stdout).toMatch(new RegExp(`^Pushed: oci://${reg.host}/plugins/echo-v1:1\\.2\\.3\nDigest: sha256:`));
    const ref = `oci://${reg.host}/plugins/echo-v1:1.2.3`;
    using realHome = tempHelmHome();
    const theirs = await real(['plugin', 'install', ref, '--plain-http', '--keyring', keys.pub], realHome.env);
    expect(theirs.status, theirs.stderr).toBe(0);
    expect(theirs.stdout).toBe(successLines(sha(tgz), 'echo-v1'));
    const mine = await ours(['plugin', 'install', ref, '--plain-http', '--keyring', keys.pub], home.env);
    expect(mine.stdout).toBe(theirs.stdout);
  });

  it('OCI with token auth: real Helm pulls anonymously what we pushed with credentials', async () => {
    using home = tempHelmHome();
    const tgz = await ourSignedPackage(home.root);
    await using reg = await startRegistry({ auth: { username: 'helm', password: 'pw' } });
    const remote = `oci://${reg.host}/plugins/echo-v1`;
    const denied = await ours(['plugin', 'push', tgz, remote, '--plain-http'], home.env);
    expect(denied.status).toBe(1);
    expect(denied.stderr).toContain('[DIST_OCI_AUTH_FAILED]');
    const push = await ours(
      ['plugin', 'push', tgz, remote, '--plain-http', '--username', 'helm', '--password', 'pw'],
      home.env,
    );
    expect(push.status, push.stderr).toBe(0);
    using realHome = tempHelmHome();
    const theirs = await real(
      ['plugin', 'install', `${remote}:1.2.3`, '--plain-http', '--keyring', keys.pub],
      realHome.env,
    );
    expect(theirs.status, theirs.stderr).toBe(0);
  });
});

describe('interop with real Helm 4: what Helm packages and signs, we verify and install', () => {
  it('file and OCI (pushed with skopeo from an oras-style OCI layout, since Helm cannot push plugins)', async () => {
    using home = tempHelmHome();
    const dest = path.join(home.root, 'helm-pkg');
    const pack = await real(
      [
        'plugin',
        'package',
        path.join(goodPlugins, 'hello-v1'),
        '--keyring',
        keys.secret,
        '--key',
        'helm-test',
        '-d',
        dest,
      ],
      home.env,
    );
    expect(pack.status, pack.stderr).toBe(0);
    const tgz = path.join(dest, 'hello-v1-0.1.0.tgz');
    const verify = await ours(['plugin', 'verify', tgz, '--keyring', keys.pub], home.env);
    expect(verify.stdout).toBe((await real(['plugin', 'verify', tgz, '--keyring', keys.pub], home.env)).stdout);

    const mine = await ours(['plugin', 'install', tgz, '--keyring', keys.pub], home.env);
    expect(mine.status, mine.stderr).toBe(0);
    using realHome = tempHelmHome();
    const theirs = await real(['plugin', 'install', tgz, '--keyring', keys.pub], realHome.env);
    expect(mine.stdout).toBe(theirs.stdout);

    // An OCI image layout as `oras push --artifact-type application/vnd.helm.plugin.v1+json` makes it.
    const layout = path.join(home.root, 'layout');
    mkdirSync(path.join(layout, 'blobs', 'sha256'), { recursive: true });
    const blob = (data: Buffer) => {
      const hex = createHash('sha256').update(data).digest('hex');
      writeFileSync(path.join(layout, 'blobs', 'sha256', hex), data);
      return { digest: `sha256:${hex}`, size: data.length };
    };
    const layer = (file: string) => ({
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      ...blob(readFileSync(file)),
      annotations: { 'org.opencontainers.image.title': path.basename(file) },
    });
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        artifactType: 'application/vnd.helm.plugin.v1+json',
        config: { mediaType: 'application/vnd.oci.empty.v1+json', ...blob(Buffer.from('{}')) },
        layers: [layer(tgz), layer(`${tgz}.prov`)],
      }),
    );
    writeFileSync(path.join(layout, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    writeFileSync(
      path.join(layout, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            ...blob(manifest),
            annotations: { 'org.opencontainers.image.ref.name': '0.1.0' },
          },
        ],
      }),
    );
    await using reg = await startRegistry();
    execFileSync(
      'skopeo',
      [
        'copy',
        '--quiet',
        '--dest-tls-verify=false',
        '--preserve-digests',
        `oci:${layout}:0.1.0`,
        `docker://${reg.host}/plugins/hello-v1:0.1.0`,
      ],
      { stdio: 'ignore' },
    );
    const ref = `oci://${reg.host}/plugins/hello-v1:0.1.0`;
    using ociHome = tempHelmHome();
    const mineOci = await ours(['plugin', 'install', ref, '--plain-http', '--keyring', keys.pub], ociHome.env);
    expect(mineOci.status, mineOci.stderr).toBe(0);
    using realOciHome = tempHelmHome();
    const theirsOci = await real(['plugin', 'install', ref, '--plain-http', '--keyring', keys.pub], realOciHome.env);
    expect(theirsOci.status, theirsOci.stderr).toBe(0);
    expect(mineOci.stdout).toBe(theirsOci.stdout);
  });

  it('a plugin Helm installed can be uninstalled by us, and a local-dev install of ours by Helm', async () => {
    using home = tempHelmHome();
    const src = path.join(home.root, 'src', 'echo-v1');
    cpSync(path.join(goodPlugins, 'echo-v1'), src, { recursive: true });
    const theirs = await real(['plugin', 'install', src], home.env);
    expect(theirs.status, theirs.stderr).toBe(0);
    const rm = await ours(['plugin', 'uninstall', 'echo-v1'], home.env);
    expect(rm.stdout).toBe('Uninstalled plugin: echo-v1\n');
    const mine = await ours(['plugin', 'install', src], home.env);
    expect(mine.stdout).toBe(theirs.stdout);
    const realRm = await real(['plugin', 'uninstall', 'echo-v1'], home.env);
    expect(realRm.stdout).toBe('Uninstalled plugin: echo-v1\n');
  });
});

describe('interop with real Helm 4: git', () => {
  it('both install from git daemon with a semver constraint; we update what Helm installed (it cannot, pinned to a tag)', async () => {
    using root = tempHelmHome();
    const repo = pluginRepo(root.root, 'gitplug', ['1.0.0', '1.1.0', '2.0.0']);
    await using daemon = await gitDaemon(root.root);
    const source = `${daemon.url}/gitplug.git`;
    using realHome = tempHelmHome();
    using home = tempHelmHome();
    const args = ['plugin', 'install', source, '--verify=false', '--version', '^1.0.0'];
    const theirs = await real(args, realHome.env);
    const mine = await ours(args, home.env);
    expect(theirs.status, theirs.stderr).toBe(0);
    expect(mine.status, mine.stderr).toBe(0);
    expect(mine.stdout).toBe(theirs.stdout);
    expect(mine.stdout).toBe(
      'WARNING: Skipping plugin signature verification\ninstall 1.1.0\nInstalled plugin: gitplug\n',
    );
    const versionOf = (out: string) => /\ngitplug\s+(\S+)/.exec(out)?.[1];
    expect(versionOf((await real(['plugin', 'list'], realHome.env)).stdout)).toBe('1.1.0');
    const verify = await real(['plugin', 'install', source], home.env);
    expect(verify.stderr).toContain('plugin source does not support verification');
    expect((await ours(['plugin', 'install', source], home.env)).stderr).toContain('[DIST_VERIFY_UNSUPPORTED]');

    repo.publish('1.2.0');
    // Helm installed it as gitplug.git, a checkout of the v1.1.0 tag: its own update leaves it there.
    await real(['plugin', 'update', 'gitplug'], realHome.env);
    expect(versionOf((await real(['plugin', 'list'], realHome.env)).stdout)).toBe('1.1.0');
    const up = await ours(['plugin', 'update', 'gitplug'], realHome.env);
    expect(up.status, up.stderr).toBe(0);
    expect(versionOf((await real(['plugin', 'list'], realHome.env)).stdout)).toBe('1.2.0');
    // Ours follows the recorded constraint.
    await ours(['plugin', 'update', 'gitplug'], home.env);
    expect(versionOf((await ours(['plugin', 'list'], home.env)).stdout)).toBe('1.2.0');
    // A second install of the same plugin over Helm's gitplug.git is refused.
    const again = await ours(args, realHome.env);
    expect(again.stderr).toContain('[DIST_ALREADY_INSTALLED]');
  });
});
