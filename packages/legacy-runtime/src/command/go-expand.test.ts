// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Helm's own ${VAR} syntax, as plugin.yaml writes it.
import { describe, expect, it } from 'vitest';
import { goExpand, goExpandEnv } from './go-expand.js';

const env = { HOME: '/home/u', A: 'a', A_B: 'ab', '1': 'one', $: 'dollar', '*': 'star', 'a b': 'spaced', EMPTY: '' };

describe("goExpand (Go's os.Expand)", () => {
  // Each row was checked against Go's os.Expand semantics (src/os/env.go: Expand, getShellName).
  it.each([
    ['plain text', 'no dollars', 'no dollars'],
    ['$VAR', '$HOME/bin', '/home/u/bin'],
    ['${VAR}', '${HOME}/bin', '/home/u/bin'],
    ['a name is letters, digits and _', '$A_B-$A', 'ab-a'],
    ['${VAR} joins text', '${A}x', 'ax'],
    ['$VAR eats the longest name', '$Ax', ''],
    ['unknown is empty', '[$NOPE]', '[]'],
    ['set but empty', '[$EMPTY]', '[]'],
    ['a single digit is special', '$1x', 'onex'],
    ['only one digit after $', '$10', 'one0'],
    ['${digits} takes the whole name', '${10}', ''],
    ['${1}', '${1}', 'one'],
    ['$$', '$$', 'dollar'],
    ['$*', 'x$*', 'xstar'],
    ['${*}', '${*}', 'star'],
    ['${} is eaten', 'a${}b', 'ab'],
    ['unclosed ${ eats the ${', 'a${HOME', 'aHOME'],
    ['${ with spaces looks up the whole text', '${a b}', 'spaced'],
    ['$ then a non-name char is kept', 'cost: $/unit', 'cost: $/unit'],
    ['$ at the end is kept', 'price$', 'price$'],
    ['$ alone', '$', '$'],
    ['$ before a space', '$ x', '$ x'],
    ['dash is special', '$-', ''],
    ['non-ASCII after $ is kept', '$é', '$é'],
    ['several', '$A${A}$A_B', 'aaab'],
  ])('%s: %j → %j', (_name, input, expected) => {
    expect(goExpandEnv(input, env)).toBe(expected);
  });

  it('calls the mapping with each name', () => {
    const seen: string[] = [];
    goExpand('$X ${Y} $1 ${}', (name) => {
      seen.push(name);
      return '';
    });
    expect(seen).toEqual(['X', 'Y', '1']);
  });

  it('does not look names up on the prototype', () => {
    expect(goExpandEnv('[$constructor][${toString}]', {})).toBe('[][]');
  });
});
