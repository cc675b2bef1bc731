import { describe, expect, it } from 'vitest';
import { isStrictSemver } from './semver.js';

describe('isStrictSemver (Masterminds StrictNewVersion)', () => {
  it.each([
    '0.0.0',
    '1.2.3',
    '10.20.30',
    '1.2.3-alpha',
    '1.2.3-alpha.1',
    '1.2.3-0.3.7',
    '1.2.3-x.7.z.92',
    '1.2.3-a-b',
    '1.2.3+build',
    '1.2.3+build.001',
    '1.2.3-rc.1+build.5',
    '1.2.3+b-c',
    '18446744073709551615.0.0',
  ])('accepts %s', (v) => expect(isStrictSemver(v)).toBe(true));

  it.each([
    '',
    'v1.2.3',
    '1.2',
    '1',
    '1.2.3.4',
    '01.2.3',
    '1.02.3',
    '1.2.03',
    '1.2.3-01',
    '1.2.3-',
    '1.2.3+',
    '1.2.3-a..b',
    '1.2.3+a..b',
    '1.2.3-a_b',
    '1.2.3 ',
    ' 1.2.3',
    '1.2.x',
    '-1.2.3',
    '1.2.3-ä',
    '18446744073709551616.0.0',
  ])('rejects %j', (v) => expect(isStrictSemver(v)).toBe(false));
});
