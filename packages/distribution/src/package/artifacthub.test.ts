import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseRawYaml, type RawYaml } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { type JsonSchema, validate } from '../../test/json-schema.js';
import { HELM_TEST_FINGERPRINT, HELM_TEST_UID, KEYS, PLUGDIR_GOOD, registry, tempDir } from '../../test/support.js';
import { ARTIFACTHUB_FILE } from './artifacthub.js';
import { packagePlugin } from './package-plugin.js';

const schema = JSON.parse(
  readFileSync(new URL('../../test/fixtures/artifacthub/artifacthub-pkg.schema.json', import.meta.url), 'utf8'),
) as JsonSchema;

function parse(text: string): RawYaml {
  const { value, issues } = parseRawYaml(text);
  expect(issues).toEqual([]);
  return value;
}

function readPkg(file: string): Record<string, RawYaml> {
  const value = parse(readFileSync(file, 'utf8'));
  expect(validate(value, schema)).toEqual([]);
  return value as Record<string, RawYaml>;
}

const sha256 = (file: string) => `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;

/** A YAML double-quoted scalar with every character outside printable ASCII escaped. */
function yamlQuoted(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pluginDir(yaml: string): string {
  const dir = path.join(tempDir(), 'src');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'plugin.yaml'), yaml);
  return dir;
}

describe('artifacthub-pkg.yml written by packagePlugin', () => {
  it('a signed cli/v1 plugin: valid Artifact Hub metadata with its type as a property and the signing key', async () => {
    const dest = tempDir();
    const createdAt = new Date('2026-11-25T15:30:00.123Z');
    const result = await packagePlugin({
      dir: path.join(PLUGDIR_GOOD, 'echo-v1'),
      destination: dest,
      signing: { keyring: KEYS.secret, key: 'helm-test' },
      registry,
      createdAt,
    });
    expect(result.artifactHub).toBe(path.join(dest, ARTIFACTHUB_FILE));
    expect(result.warnings).toEqual([]);
    expect(readPkg(result.artifactHub!)).toEqual({
      version: '1.2.3',
      name: 'echo-v1',
      displayName: 'echo-v1',
      createdAt: '2026-11-25T15:30:00Z',
      description: 'echo something',
      digest: sha256(result.tarball),
      keywords: ['helm', 'helm-plugin', 'cli/v1'],
      annotations: {
        'helm.sh/plugin/type': 'cli/v1',
        'helm.sh/plugin/apiVersion': 'v1',
        'helm.sh/plugin/runtime': 'subprocess',
        'helm.sh/plugin/archive': 'echo-v1-1.2.3.tgz',
        'helm.sh/plugin/signing-key-fingerprint': HELM_TEST_FINGERPRINT,
        'helm.sh/plugin/signing-key-id': '843BBF981FC18762',
        'helm.sh/plugin/signed-by': HELM_TEST_UID,
      },
    });
  });

  it('sourceURL becomes a link; a pre-release is marked; hard-to-quote text survives; unsigned has no key', async () => {
    const shortHelp = 'Says "hi": #1 tool\u2028on\u007f two\tlines, \\ and \'quotes\' — ünïcödé';
    const dir = pluginDir(
      'apiVersion: v1\nname: yes\ntype: cli/v1\nruntime: subprocess\nversion: 2.0.0-rc.1\n' +
        `sourceURL: https://example.com/a b?x=1#frag\nconfig:\n  shortHelp: ${yamlQuoted(shortHelp)}\n` +
        'runtimeConfig:\n  platformCommand:\n    - command: echo\n',
    );
    const result = await packagePlugin({ dir, destination: tempDir(), sign: false, registry });
    const pkg = readPkg(result.artifactHub!);
    expect(pkg).toMatchObject({
      name: 'yes',
      version: '2.0.0-rc.1',
      description: shortHelp,
      prerelease: 'true',
      links: [{ name: 'Source', url: 'https://example.com/a b?x=1#frag' }],
    });
    expect(pkg['annotations']).toEqual({
      'helm.sh/plugin/type': 'cli/v1',
      'helm.sh/plugin/apiVersion': 'v1',
      'helm.sh/plugin/runtime': 'subprocess',
      'helm.sh/plugin/archive': 'yes-2.0.0-rc.1.tgz',
    });
    // The YAML 1.1 word `yes` is quoted, or yaml.v2 would read a bool; so are LS and DEL, which it would refuse.
    const text = readFileSync(result.artifactHub!, 'utf8');
    expect(text).toMatch(/^name: "yes"$/m);
    expect(text).toContain('\\u2028on\\u007f');
  });

  it('a legacy plugin: its description (first line) and `legacy` as the API version', async () => {
    const dir = pluginDir(
      'name: old\nversion: 0.1.0\nusage: old [x]\ndescription: |-\n  Old style.\n  More.\ncommand: echo\n',
    );
    const pkg = readPkg((await packagePlugin({ dir, destination: tempDir(), sign: false, registry })).artifactHub!);
    expect(pkg).toMatchObject({ description: 'Old style.', keywords: ['helm', 'helm-plugin', 'cli/v1'] });
    expect(pkg['annotations']).toMatchObject({ 'helm.sh/plugin/apiVersion': 'legacy' });
  });

  it('plugins without help text get a description from their name and type', async () => {
    const result = await packagePlugin({
      dir: path.join(PLUGDIR_GOOD, 'getter'),
      destination: tempDir(),
      sign: false,
      registry,
    });
    expect(readPkg(result.artifactHub!)).toMatchObject({
      description: 'Helm plugin getter (getter/v1)',
      keywords: ['helm', 'helm-plugin', 'getter/v1'],
    });
  });

  it('a legacy plugin without a version is packaged, with a warning instead of the metadata', async () => {
    const dest = tempDir();
    const result = await packagePlugin({
      dir: pluginDir('name: noversion\ndescription: d\ncommand: echo\n'),
      destination: dest,
      sign: false,
      registry,
    });
    expect(existsSync(result.tarball)).toBe(true);
    expect(result.artifactHub).toBeUndefined();
    expect(existsSync(path.join(dest, ARTIFACTHUB_FILE))).toBe(false);
    expect(result.warnings).toEqual([expect.stringContaining('Artifact Hub requires a version')]);
  });

  it('artifactHub: false writes no metadata', async () => {
    const dest = tempDir();
    const result = await packagePlugin({
      dir: path.join(PLUGDIR_GOOD, 'echo-v1'),
      destination: dest,
      sign: false,
      registry,
      artifactHub: false,
    });
    expect(result.artifactHub).toBeUndefined();
    expect(existsSync(path.join(dest, ARTIFACTHUB_FILE))).toBe(false);
  });
});

describe('the Artifact Hub schema fixture and its checker', () => {
  const valid = [
    'version: 1.0.0',
    'name: pkg',
    'displayName: Pkg',
    'createdAt: 2026-01-02T03:04:05+01:00',
    'description: d',
    'category: security',
    'operator: false',
    'keywords: [a, b]',
    'links:',
    '  - name: Source',
    '    url: https://example.com',
    'changes:',
    '  - kind: added',
    '    description: cool feature',
    '    links: [{name: PR, url: https://example.com/pr}]',
    'maintainers:',
    '  - name: Me',
    '    email: me@example.com',
    'provider:',
    '  name: Us',
    'containersImages:',
    '  - name: img',
    '    image: example.com/img:1',
    '    platforms: [linux/amd64]',
    'annotations:',
    '  key1: value1',
  ].join('\n');

  it('accepts a document using most of the documented fields', () => {
    expect(validate(parse(valid), schema)).toEqual([]);
  });

  it('refuses what Artifact Hub refuses: missing required fields, bad createdAt/version, unknown keys, wrong kinds', () => {
    const cases: [string, string][] = [
      [valid.replace('description: d\n', ''), '$.description'],
      [valid.replace('description: d', 'description: ""'), '$.description'],
      [valid.replace('2026-01-02T03:04:05+01:00', '2026-01-02 03:04'), '$.createdAt'],
      [valid.replace('version: 1.0.0', 'version: one'), '$.version'],
      [`${valid}\nsourceURL: https://example.com`, '$.sourceURL'],
      [valid.replace('operator: false', 'operator: maybe'), '$.operator'],
      [valid.replace('category: security', 'category: plugins'), '$.category'],
      [valid.replace('  key1: value1', '  key1: [a]'), '$.annotations.key1'],
      [valid.replace('    email: me@example.com\n', ''), '$.maintainers[0].email'],
      [valid.replace('kind: added', 'kind: improved'), '$.changes[0].kind'],
      [valid.replace('keywords: [a, b]', 'keywords: a'), '$.keywords'],
    ];
    for (const [doc, where] of cases) {
      expect(
        validate(parse(doc), schema).map((e) => e.path),
        where,
      ).toContain(where);
    }
  });
});
