import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clearsignedText, provenanceFiles } from './clearsign.js';

const fixture = (p: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../../shared/fixtures/helm/${p}`, import.meta.url)), 'utf8');

describe('clearsignedText', () => {
  it("reads the text of Helm's own .prov files", () => {
    const text = clearsignedText(fixture('pkg/cmd/testdata/testcharts/signtest-0.1.0.tgz.prov'));
    expect(text).toContain('\n...\n');
    expect(provenanceFiles(text ?? '').get('signtest-0.1.0.tgz')).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('undoes dash escaping and rejects what is not a clearsigned block', () => {
    const msg = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA512',
      '',
      '- --- dashed',
      'plain',
      '-----BEGIN PGP SIGNATURE-----',
      '',
      'xyz',
      '-----END PGP SIGNATURE-----',
      '',
    ].join('\n');
    expect(clearsignedText(msg)).toBe('--- dashed\nplain');
    expect(clearsignedText('files:\n  a.tgz: sha256:00\n')).toBeUndefined();
    expect(clearsignedText(msg.replace('-----END PGP SIGNATURE-----', ''))).toBeUndefined();
    expect(clearsignedText(msg.replace('Hash: SHA512', 'not a header'))).toBeUndefined();
  });
});

describe('provenanceFiles', () => {
  it('reads the files map after the document end marker, quoted names included', () => {
    const text =
      'name: x\nfiles: ignored\n...\nfiles:\n  x-1.0.0.tgz: sha256:ab12\n  "y 2.tgz": "sha256:cd34"\nother: 1\n';
    expect([...provenanceFiles(text)]).toEqual([
      ['x-1.0.0.tgz', 'sha256:ab12'],
      ['y 2.tgz', 'sha256:cd34'],
    ]);
  });
});
