import { describe, expect, it } from 'vitest';
import { afterJsonRoundTrip, formatGoFloat, marshalGoYaml } from './marshal.js';

describe('marshalGoYaml (sigs.k8s.io/yaml.Marshal)', () => {
  it('writes block maps and sequences, sequences not indented under their key', () => {
    expect(marshalGoYaml({ b: [1, { y: true, x: null }], a: 'x' })).toBe('a: x\nb:\n- 1\n- x: null\n  "y": true\n');
  });

  it('writes empty collections in flow style and nil as null', () => {
    expect(marshalGoYaml({ list: [], map: {}, nil: null })).toBe('list: []\nmap: {}\nnil: null\n');
    expect(marshalGoYaml([[], [[1]]])).toBe('- []\n- - - 1\n');
  });

  it('quotes strings that would read back as something else, preferring plain, then single, then double', () => {
    expect(marshalGoYaml({ a: '', b: 'true', c: '1.0', d: '- x', e: "it's", f: ' x', g: 'tab\t', h: '😀' })).toBe(
      'a: ""\nb: "true"\nc: "1.0"\nd: \'- x\'\ne: it\'s\nf: \' x\'\ng: "tab\\t"\nh: "\\U0001F600"\n',
    );
  });

  it('writes multi-line strings as literal blocks with the right chomping', () => {
    expect(marshalGoYaml({ a: 'x\ny', b: 'x\n', c: 'x\n\n', d: ' x\ny' })).toBe(
      'a: |-\n  x\n  y\nb: |\n  x\nc: |+\n  x\n\nd: |2-\n   x\n  y\n',
    );
  });

  it('folds long plain strings at the first space past column 80', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    expect(marshalGoYaml({ key: words })).toBe(
      'key: w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21\n  w22 w23 w24 w25 w26 w27 w28 w29\n',
    );
  });

  it('writes a key longer than 128 bytes as a complex key', () => {
    const key = 'k'.repeat(129);
    expect(marshalGoYaml({ [key]: 'v' })).toBe(`? ${key}\n: v\n`);
  });

  it('writes numbers as Go would after its JSON round trip', () => {
    expect(marshalGoYaml([0, -3, 2 ** 53, 1.5, 1e21, 0.00001, 123456.5, 1234567.5, 10n ** 20n])).toBe(
      '- 0\n- -3\n- 9007199254740992\n- 1.5\n- 1e+21\n- 1e-05\n- 123456.5\n- 1.2345675e+06\n- 100000000000000000000\n',
    );
  });
});

describe('formatGoFloat', () => {
  it.each([
    [0.1, '0.1'],
    [-2.5, '-2.5'],
    [0.0001, '0.0001'],
    [1e-7, '1e-07'],
    [1e6, '1e+06'],
    [123456, '123456'],
    [Number.NaN, '.nan'],
    [Number.POSITIVE_INFINITY, '.inf'],
  ])('%d → %s', (f, s) => {
    expect(formatGoFloat(f)).toBe(s);
  });
});

describe('afterJsonRoundTrip', () => {
  it('folds NEL like go-yaml folds line breaks in a double-quoted scalar', () => {
    expect(afterJsonRoundTrip('a\u0085b')).toBe('a b');
    expect(afterJsonRoundTrip('a \u0085 \u0085 b')).toBe('a\nb');
    expect(afterJsonRoundTrip('a\u0085\u0085\u0085b')).toBe('a\n\nb');
    expect(afterJsonRoundTrip('\u0085x')).toBe(' x');
    expect(afterJsonRoundTrip('a\u2028b \t')).toBe('a\u2028b \t');
  });
});
