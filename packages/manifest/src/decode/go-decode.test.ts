import { describe, expect, it } from 'vitest';
import { decodeWith, goBool, goInt, goList, goString, goStringMap, goStruct } from './go-decode.js';
import { parseRawYaml } from './yaml-raw.js';

const codes = { invalid: 'MANIFEST_INVALID_FIELD', typeName: 'T' };

describe('Go-like YAML decoding', () => {
  it('keeps scalar text and maps null to zero values', () => {
    const { value, issues } = parseRawYaml('a:\nb: ~\nd: 1.10\ne: "x"\nf: [1, x]\ng: {h: i}\nn: yes\n');
    expect(issues).toEqual([]);
    const schema = goStruct(
      {
        a: goString(),
        b: goString(),
        d: goString(),
        e: goString(),
        f: goList(goString()),
        g: goStringMap(),
        n: goBool(),
        missing: goList(goString()),
        count: goInt({ unsigned: true }),
      },
      { strict: true },
    );
    expect(decodeWith(schema, value, [], codes)).toEqual({
      value: { a: '', b: '', d: '1.10', e: 'x', f: ['1', 'x'], g: { h: 'i' }, n: true, missing: [], count: 0 },
      issues: [],
    });
  });

  it('reports unknown fields (strict) and wrong kinds with paths', () => {
    const { value } = parseRawYaml('a: {x: 1}\nz: 1\nc: -3\nb: maybe\n');
    const schema = goStruct({ a: goString(), c: goInt({ unsigned: true }), b: goBool() }, { strict: true });
    const r = decodeWith(schema, value, ['config'], codes);
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.path.join('.')]).sort()).toEqual([
      ['MANIFEST_INVALID_FIELD', 'config.a'],
      ['MANIFEST_INVALID_FIELD', 'config.b'],
      ['MANIFEST_INVALID_FIELD', 'config.c'],
      ['MANIFEST_UNKNOWN_FIELD', 'config.z'],
    ]);
  });

  it('ignores unknown fields when not strict, and parses Go integer forms', () => {
    const { value } = parseRawYaml('t: 0x10\nu: 1_000\nextra: 1\n');
    const schema = goStruct({ t: goInt(), u: goInt() }, { strict: false });
    expect(decodeWith(schema, value, [], codes).value).toMatchObject({ t: 16, u: 1000 });
  });

  it('reports duplicate keys and syntax errors as coded issues', () => {
    expect(parseRawYaml('a: 1\na: 2\n').issues.map((i) => i.code)).toEqual(['MANIFEST_DUPLICATE_KEY']);
    expect(parseRawYaml('a: [1\n').issues[0]?.code).toBe('MANIFEST_YAML_SYNTAX');
  });

  it('does not let a __proto__ key pollute objects', () => {
    const { value } = parseRawYaml('__proto__: {polluted: yes}\n');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(value as object)).toEqual(['__proto__']);
  });
});
