import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELM_PROVS, testdata } from '../../test/support.js';
import { provenanceDigest } from '../digest.js';
import { armorSignature, decodeClearsigned, encodeClearsigned } from './clearsign.js';

const SIG = armorSignature(new Uint8Array([1, 2, 3]));

describe('decodeClearsigned', () => {
  it('splits a Helm plugin .prov into headers, plaintext, signed text and signature', () => {
    const prov = readFileSync(join(HELM_PROVS, 'hello-v1-0.1.0.tgz.prov'), 'utf8');
    const block = decodeClearsigned(prov)!;
    expect(block.headers).toEqual({ Hash: ['SHA512'] });
    expect(block.plaintext.startsWith('APIVersion: v1\nConfig:\n')).toBe(true);
    const sum = provenanceDigest(readFileSync(join(HELM_PROVS, 'hello-v1-0.1.0.tgz')));
    expect(block.plaintext.endsWith(`files:\n  hello-v1-0.1.0.tgz: sha256:${sum}\n\n`)).toBe(true);
    expect(block.signedText).toBe(block.plaintext.slice(0, -1).replaceAll('\n', '\r\n'));
    expect(block.armoredSignature.startsWith('-----BEGIN PGP SIGNATURE-----\n')).toBe(true);
    expect(block.armoredSignature.endsWith('-----END PGP SIGNATURE-----')).toBe(true);
  });

  it('reads a chart .prov whose text has no final line break', () => {
    const block = decodeClearsigned(readFileSync(testdata('hashtest-1.2.3.tgz.prov'), 'utf8'))!;
    expect(block.signedText.endsWith('7888')).toBe(true);
  });

  it('ignores text before the block and CRLF line ends', () => {
    const prov = readFileSync(testdata('msgblock.yaml.asc'), 'utf8');
    const block = decodeClearsigned(`Some preamble\r\n${prov.replaceAll('\n', '\r\n')}`)!;
    expect(block.plaintext).toBe(decodeClearsigned(prov)!.plaintext);
  });

  it.each([
    ['plain text', 'files:\n  a: sha256:1\n'],
    ['a suffix on the BEGIN line', `-----BEGIN PGP SIGNED MESSAGE----- x\nHash: SHA512\n\na\n${SIG}`],
    ['a header other than Hash', `-----BEGIN PGP SIGNED MESSAGE-----\nComment: hi\n\na\n${SIG}`],
    ['a header without colon', `-----BEGIN PGP SIGNED MESSAGE-----\nHash SHA512\n\na\n${SIG}`],
    ['no signature', '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\na\n'],
    ['no END line', '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\na\n-----BEGIN PGP SIGNATURE-----\n\nAQID\n'],
    ['nothing after the headers', '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n'],
  ])('finds no block in %s', (_, text) => {
    expect(decodeClearsigned(text)).toBeUndefined();
  });
});

describe('encodeClearsigned', () => {
  it('frames like go-crypto: Hash header, dash-escapes, trailing blanks dropped, one line break before the signature', () => {
    const out = encodeClearsigned('-a\n b \t\nc\n', 'SHA512', SIG);
    expect(out).toBe(`-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n- -a\n b\nc\n\n${SIG}`);
    const block = decodeClearsigned(out)!;
    expect(block.plaintext).toBe('-a\n b\nc\n\n');
    expect(block.signedText).toBe('-a\r\n b\r\nc\r\n');
  });

  it('adds the line break a text without one needs', () => {
    expect(encodeClearsigned('a', undefined, SIG)).toBe(`-----BEGIN PGP SIGNED MESSAGE-----\n\na\n${SIG}`);
  });
});

describe('armorSignature', () => {
  it('writes 64-column base64 without a checksum line or final newline', () => {
    const armored = armorSignature(new Uint8Array(100).fill(7));
    const lines = armored.split('\n');
    expect(lines[0]).toBe('-----BEGIN PGP SIGNATURE-----');
    expect(lines[1]).toBe('');
    expect(lines[2]).toHaveLength(64);
    expect(lines.at(-1)).toBe('-----END PGP SIGNATURE-----');
    expect(armored).not.toMatch(/\n=/);
  });
});
