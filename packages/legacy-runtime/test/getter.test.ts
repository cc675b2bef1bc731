// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Helm's own ${VAR} syntax, as plugin.yaml writes it.
import { collector, rejectsWithCode } from '@helm4/runtime/contract';
import { describe, expect, it } from 'vitest';
import { createSubprocessRuntime } from '../src/subprocess-runtime.js';
import { load, TYPES, v1Yaml, writePlugin } from './support.js';

// Prints its argv (one per line) and the getter environment; the data is the whole stdout.
const ARGV_SCRIPT = `#!/bin/sh
for a in "$@"; do printf 'argv: %s\\n' "$a"; done
printf 'user=%s pass=%s all=%s ns=%s name=%s\\n' "$HELM_PLUGIN_USERNAME" "$HELM_PLUGIN_PASSWORD" \\
  "$HELM_PLUGIN_PASS_CREDENTIALS_ALL" "$HELM_NAMESPACE" "$HELM_PLUGIN_NAME"
printf 'diagnostics\\n' >&2
`;

const getterYaml = (command: string, args = '[]') =>
  v1Yaml(
    'argv-getter',
    'getter/v1',
    `config:\n  protocols: [s3, gs]\nruntimeConfig:\n  protocolCommands:\n    - protocols: [gs]\n      platformCommand: [{command: "${command}", args: ${args}}]\n    - protocols: [s3, gs]\n      platformCommand: [{command: "unused.sh"}]\n`,
  );

const options = {
  URL: 'gs://bucket/index.yaml',
  CertFile: '/c.pem',
  KeyFile: '/k.pem',
  CAFile: '',
  Username: 'me',
  Password: 's3cret',
  PassCredentialsAll: true,
};

async function fetchWith(dir: string, href = 'gs://bucket/chart.tgz') {
  const stderr = collector();
  const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(await load(dir));
  const output = await plugin.invoke({
    message: { href, protocol: 'gs', options },
    env: { HELM_NAMESPACE: 'team' },
    stderr: stderr.stream,
  });
  const { data } = output.message as { data: string };
  return { text: Buffer.from(data, 'base64').toString('utf8'), stderr: stderr.text() };
}

describe('getter/v1 over subprocess', () => {
  it('follows the Helm 3 downloader convention: args unexpanded, then cert, key, CA file and href', async () => {
    const dir = writePlugin('g', getterYaml('bin/get.sh', '["--mode", "${HELM_PLUGIN_NAME}"]'), {
      'bin/get.sh': ARGV_SCRIPT,
    });
    const { text, stderr } = await fetchWith(dir);
    expect(text).toBe(
      [
        'argv: --mode',
        'argv: ${HELM_PLUGIN_NAME}',
        'argv: /c.pem',
        'argv: /k.pem',
        'argv: ',
        'argv: gs://bucket/chart.tgz',
        'user=me pass=s3cret all=true ns=team name=argv-getter',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('diagnostics\n');
  });

  it('uses the first protocolCommands entry listing the protocol', async () => {
    const dir = writePlugin('g', getterYaml('get.sh'), { 'get.sh': ARGV_SCRIPT, 'unused.sh': '#!/bin/sh\nexit 9\n' });
    expect((await fetchWith(dir)).text).toContain('argv: gs://bucket/chart.tgz');
  });

  it('runs an absolute ${HELM_PLUGIN_DIR}/… command as is (Helm would prefix the plugin dir again)', async () => {
    const dir = writePlugin('g', getterYaml('${HELM_PLUGIN_DIR}/bin/get.sh'), { 'bin/get.sh': ARGV_SCRIPT });
    expect((await fetchWith(dir)).text).toContain('name=argv-getter');
  });

  it('returns binary data unchanged', async () => {
    const dir = writePlugin('g', getterYaml('bin.sh'), { 'bin.sh': "#!/bin/sh\nprintf '\\000\\377\\001\\200'\n" });
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(await load(dir));
    const output = await plugin.invoke({ message: { href: 'gs://b/c', protocol: 'gs', options } });
    expect([...Buffer.from((output.message as { data: string }).data, 'base64')]).toEqual([0, 255, 1, 128]);
  });

  it('fails with RUNTIME_NO_DOWNLOADER for a protocol without an entry', async () => {
    const dir = writePlugin('g', getterYaml('get.sh'), { 'get.sh': ARGV_SCRIPT });
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(await load(dir));
    await rejectsWithCode(
      plugin.invoke({ message: { href: 'oci://x', protocol: 'oci', options } }),
      'RUNTIME_NO_DOWNLOADER',
    );
  });
});
