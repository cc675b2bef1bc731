import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLUGDIR_METADATA } from '../../test/fixtures/plugdir-metadata.js';
import { STRESS_METADATA } from '../../test/fixtures/stress-metadata.js';
import { HELM_PROVS, testdata } from '../../test/support.js';
import { provenanceMessage } from '../sign/sign-provenance.js';
import { decodeClearsigned } from './clearsign.js';
import { buildMessageBlock, marshalPluginMetadata, parseMessageBlock } from './message-block.js';

describe('provenanceMessage', () => {
  it.each(Object.entries({ ...PLUGDIR_METADATA, ...STRESS_METADATA }))(
    'is byte-identical to what Helm v4.1.4 signed for %s',
    (name, metadata) => {
      const helm = decodeClearsigned(readFileSync(join(HELM_PROVS, `${name}.prov`), 'utf8'));
      expect(helm).toBeDefined();
      const sum = parseMessageBlock(helm!.plaintext).files[name]!;
      // go-crypto's Plaintext has one more line break: the one before -----BEGIN PGP SIGNATURE-----.
      expect(`${provenanceMessage(metadata, { [name]: sum })}\n`).toBe(helm!.plaintext);
    },
  );

  it('writes files after the document-end marker, like Helm', () => {
    expect(buildMessageBlock('Name: x\n', { 'x-1.0.0.tgz': 'sha256:00' })).toBe(
      'Name: x\n\n...\nfiles:\n  x-1.0.0.tgz: sha256:00\n',
    );
  });

  it('accepts the tarball bytes or its digest', () => {
    const metadata = PLUGDIR_METADATA['echo-v1-1.2.3.tgz']!;
    const digest = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    const fromBytes = provenanceMessage(metadata, { 'a.tgz': new TextEncoder().encode('abc') });
    expect(provenanceMessage(metadata, { 'a.tgz': digest })).toBe(fromBytes);
    expect(provenanceMessage(metadata, { 'a.tgz': `sha256:${digest.toUpperCase()}` })).toBe(fromBytes);
    expect(fromBytes.endsWith(`files:\n  a.tgz: sha256:${digest}\n`)).toBe(true);
  });

  it('refuses an empty file list and a malformed digest', () => {
    const metadata = PLUGDIR_METADATA['echo-v1-1.2.3.tgz']!;
    expect(() => provenanceMessage(metadata, {})).toThrow(
      expect.objectContaining({ code: 'PROVENANCE_SIGN_INPUT_INVALID' }),
    );
    expect(() => provenanceMessage(metadata, { 'a.tgz': 'abc' })).toThrow(
      expect.objectContaining({ code: 'PROVENANCE_SIGN_INPUT_INVALID' }),
    );
  });
});

describe('marshalPluginMetadata', () => {
  it('writes Go field names, sorted, with null for absent lists and maps', () => {
    expect(marshalPluginMetadata(PLUGDIR_METADATA['echo-v1-1.2.3.tgz']!)).toBe(
      [
        'APIVersion: v1',
        'Config:',
        '  IgnoreFlags: false',
        '  LongHelp: This is a testing fixture.',
        '  ShortHelp: echo something',
        '  Usage: ""',
        'Name: echo-v1',
        'Runtime: subprocess',
        'RuntimeConfig:',
        '  PlatformCommand: null',
        '  PlatformHooks: null',
        '  ProtocolCommands: null',
        'SourceURL: ""',
        'Type: cli/v1',
        'Version: 1.2.3',
        '',
      ].join('\n'),
    );
  });

  it('falls back to capitalised keys for a type or runtime it has no table for', () => {
    const yaml = marshalPluginMetadata({
      apiVersion: 'v1',
      name: 'x',
      type: 'future/v9',
      runtime: 'other',
      version: '1.0.0',
      sourceURL: 'https://example.com',
      config: { someFlag: true, list: [] },
      runtimeConfig: {},
    });
    expect(yaml).toContain('Config:\n  List: null\n  SomeFlag: true\n');
    expect(yaml).toContain('RuntimeConfig: {}\n');
  });
});

describe('parseMessageBlock', () => {
  it('reads the files of Helm fixtures and keeps the metadata half unparsed', () => {
    const block = parseMessageBlock(readFileSync(testdata('msgblock.yaml'), 'utf8'));
    expect(block.files).toEqual({
      'hashtest-1.2.3.tgz': 'sha256:c6841b3a895f1444a6738b5d04564a57e860ce42f8519c3be807fb6d9bee7888',
    });
    expect(block.metadata).toContain('name: hashtest');
  });

  it('reads canonical and non-canonical files parts alike', () => {
    const sum = `sha256:${'ab'.repeat(32)}`;
    const canonical = `m\n...\nfiles:\n  b-1.0.0+x.tgz: ${sum}\n  a.tgz: ${sum}\n\n`;
    const other = `m\n...\n# a comment\nfiles:\n  b-1.0.0+x.tgz: '${sum}'\n  "a.tgz": ${sum}\n`;
    expect(parseMessageBlock(canonical).files).toEqual({ 'b-1.0.0+x.tgz': sum, 'a.tgz': sum });
    expect(parseMessageBlock(other).files).toEqual(parseMessageBlock(canonical).files);
  });

  it('leaves names go-yaml would not read as strings to the YAML parser', () => {
    const sum = `sha256:${'ab'.repeat(32)}`;
    expect(parseMessageBlock(`m\n...\nfiles:\n  y: ${sum}\n  007: ${sum}\n`).files).toEqual({ true: sum, 7: sum });
  });

  it('ignores the metadata half, even when it is not YAML', () => {
    const block = parseMessageBlock('{{{ not: yaml\n...\nfiles:\n  a.tgz: sha256:1\n');
    expect(block.files).toEqual({ 'a.tgz': 'sha256:1' });
  });

  it('reads only the part after the first separator', () => {
    expect(parseMessageBlock('m\n...\nfiles:\n  a: sha256:1\n...\nfiles:\n  b: sha256:2\n').files).toEqual({
      a: 'sha256:1',
    });
  });

  it('matches the files key case-insensitively, like encoding/json', () => {
    expect(parseMessageBlock('m\n...\nFiles:\n  a: sha256:1\n').files).toEqual({ a: 'sha256:1' });
  });

  it('gives no files for an empty second part and no inherited names', () => {
    const { files } = parseMessageBlock('m\n...\n');
    expect(Object.keys(files)).toEqual([]);
    expect(Object.hasOwn(files, 'constructor')).toBe(false);
  });

  it.each([
    ['no separator', 'files:\n  a: sha256:1\n'],
    ['broken YAML', 'm\n...\nfiles: [\n'],
    ['files not a map', 'm\n...\nfiles: [a, b]\n'],
    ['a scalar', 'm\n...\njust text\n'],
    ['a nested digest', 'm\n...\nfiles:\n  a: {b: c}\n'],
  ])('refuses %s', (_, text) => {
    expect(() => parseMessageBlock(text)).toThrow(
      expect.objectContaining({ code: 'PROVENANCE_MESSAGE_BLOCK_INVALID' }),
    );
  });
});
