import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRegistry } from '../../../../test-support/servers/oci-registry.js';
import { hookedPlugin, KEYS, registry, tempDir } from '../../test/support.js';
import { packagePlugin } from '../package/package-plugin.js';
import { pushPlugin } from './push-plugin.js';
import { registryCredentials } from './registry-credentials.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A `docker-credential-<name>` on PATH that knows `host` only, logging each server it is asked for. */
function credentialHelper(name: string, host: string, username: string, secret: string): { log: string } {
  const dir = tempDir('helm4-cred-helper-');
  const log = path.join(dir, 'asked');
  const program = path.join(dir, `docker-credential-${name}`);
  writeFileSync(
    program,
    `#!/bin/sh\n[ "$1" = get ] || exit 1\nread server\necho "$server" >> '${log}'\n` +
      `if [ "$server" = '${host}' ]; then printf '{"ServerURL":"%s","Username":"${username}","Secret":"${secret}"}' "$server"; ` +
      `else echo 'credentials not found in native keychain'; exit 1; fi\n`,
  );
  chmodSync(program, 0o755);
  vi.stubEnv('PATH', `${dir}${path.delimiter}${process.env['PATH'] ?? ''}`);
  return { log };
}

function config(content: object): string {
  const file = path.join(tempDir(), 'config.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('registry credentials (oras-go store order: credHelpers, credsStore, auths)', () => {
  it('asks the host’s credHelpers entry, then the credsStore, and reads auths otherwise', () => {
    credentialHelper('hosthelper', 'reg.example:5000', 'hu', 'hs');
    credentialHelper('store', 'other.example', 'su', 'ss');
    const file = config({
      credHelpers: { 'reg.example:5000': 'hosthelper' },
      credsStore: 'store',
      auths: { 'reg.example:5000': { auth: Buffer.from('au:as').toString('base64') } },
    });
    expect(registryCredentials(file, 'reg.example:5000')).toEqual({ username: 'hu', password: 'hs' });
    expect(registryCredentials(file, 'other.example')).toEqual({ username: 'su', password: 'ss' });
    // The store knows nothing of a third host: no credentials (auths is not consulted once a store is set).
    expect(registryCredentials(file, 'third.example')).toBeUndefined();
    const auths = config({ auths: { 'https://a.example': { username: 'u', password: 'p' } } });
    expect(registryCredentials(auths, 'a.example')).toEqual({ username: 'u', password: 'p' });
  });

  it('counts a missing helper, a failing one or an identity token as no credentials', () => {
    expect(registryCredentials(config({ credsStore: 'helm4-no-such-helper' }), 'h')).toBeUndefined();
    credentialHelper('tokens', 'h', '<token>', 'refresh');
    expect(registryCredentials(config({ credsStore: 'tokens' }), 'h')).toBeUndefined();
  });

  it('push authenticates with what the credential helper gives', async () => {
    await using reg = await startRegistry({ auth: { username: 'helm', password: 's3cret' } });
    const helper = credentialHelper('test', reg.host, 'helm', 's3cret');
    const src = hookedPlugin(path.join(tempDir(), 'credplug-1.0.0'), 'credplug', '1.0.0');
    const { tarball } = await packagePlugin({
      dir: src,
      destination: tempDir(),
      sign: true,
      signing: { keyring: KEYS.secret, key: 'helm-test' },
      registry,
    });
    await pushPlugin({
      tarball,
      reference: `oci://${reg.host}/plugins/credplug`,
      plainHttp: true,
      registry,
      registryConfig: config({ credsStore: 'test' }),
    });
    expect(reg.tokenRequests.some((r) => r.startsWith('helm repository:plugins/credplug:'))).toBe(true);
    expect(readFileSync(helper.log, 'utf8')).toContain(reg.host);
  });
});
