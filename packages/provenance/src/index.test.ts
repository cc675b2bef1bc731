import { describe, expect, it } from 'vitest';
import * as provenance from './index.js';

describe('@helm4/provenance', () => {
  it('exports its API by name', () => {
    expect(Object.keys(provenance).sort()).toEqual([
      'PROVENANCE_CODES',
      'decryptSigningKey',
      'defaultKeyringPath',
      'digestFile',
      'marshalPluginMetadata',
      'parseMessageBlock',
      'provenanceDigest',
      'provenanceMessage',
      'readKeyring',
      'readPassphraseFile',
      'selectSigningKey',
      'signProvenance',
      'verifyProvenance',
    ]);
  });

  it('lists domain-prefixed, unique codes', () => {
    expect(new Set(provenance.PROVENANCE_CODES).size).toBe(provenance.PROVENANCE_CODES.length);
    for (const code of provenance.PROVENANCE_CODES) expect(code).toMatch(/^PROVENANCE_[A-Z_]+$/);
  });
});
