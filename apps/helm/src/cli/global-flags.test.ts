import { describe, expect, it } from 'vitest';
import { locateCommandWord } from './global-flags.js';

describe('locateCommandWord (cobra Find at the root)', () => {
  it('skips global flags and their values', () => {
    expect(locateCommandWord(['args', '-a'])).toEqual({ word: 'args', index: 0 });
    expect(locateCommandWord(['-n', 'ns', 'args'])).toEqual({ word: 'args', index: 2 });
    expect(locateCommandWord(['--namespace=ns', '--debug', 'args', 'x'])).toEqual({ word: 'args', index: 2 });
    expect(locateCommandWord(['--kube-insecure-skip-tls-verify', 'args'])).toEqual({ word: 'args', index: 1 });
    expect(locateCommandWord(['-abc', 'args'])).toEqual({ word: 'args', index: 1 });
  });

  it('takes an unknown flag, --help and -h as taking a value, as cobra does before the help flag exists', () => {
    expect(locateCommandWord(['--help', 'args'])).toBeUndefined();
    expect(locateCommandWord(['-h', 'args'])).toBeUndefined();
    expect(locateCommandWord(['--foo', 'bar', 'args'])).toEqual({ word: 'args', index: 2 });
  });

  it('finds no word in none, after --, or in flags only', () => {
    expect(locateCommandWord([])).toBeUndefined();
    expect(locateCommandWord(['--', 'args'])).toBeUndefined();
    expect(locateCommandWord(['--debug', ''])).toBeUndefined();
  });
});
