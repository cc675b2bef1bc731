import { describe, expect, it } from 'vitest';
import { parseRawYaml } from './yaml-raw.js';

const codes = (text: string) => parseRawYaml(text).issues.map((i) => i.code);

describe('parseRawYaml', () => {
  it('expands aliases to their anchored value', () => {
    expect(parseRawYaml('a: &x {b: 1}\nc: *x\n').value).toEqual({ a: { b: '1' }, c: { b: '1' } });
  });

  it('rejects an alias bomb (billion laughs) instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(codes(`${levels.join('\n')}\n`)).toEqual(['MANIFEST_YAML_SYNTAX']);
  });

  it('rejects self-referencing anchors and unknown anchors', () => {
    expect(codes('a: &x {b: *x}\n')).toEqual(['MANIFEST_YAML_SYNTAX']);
    expect(codes('a: &x [1, *x]\n')).toEqual(['MANIFEST_YAML_SYNTAX']);
    expect(codes('a: *nope\n')).toEqual(['MANIFEST_YAML_SYNTAX']);
  });

  it('applies merge keys like yaml.v3 (explicit keys win)', () => {
    const { value, issues } = parseRawYaml('base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n');
    expect(issues).toEqual([]);
    expect(value).toEqual({ base: { x: '1', y: '2' }, m: { y: '3', x: '1' } });
    expect(codes('m: {<<: scalar}\n')).toEqual(['MANIFEST_YAML_SYNTAX']);
  });

  it('treats keys with the same text as duplicates, like yaml.v3', () => {
    expect(codes('1: a\n"1": b\n')).toEqual(['MANIFEST_DUPLICATE_KEY']);
  });

  it('reads only the first document', () => {
    expect(parseRawYaml('a: 1\n---\nb: 2\n').value).toEqual({ a: '1' });
    expect(parseRawYaml('').value).toBeNull();
  });
});
