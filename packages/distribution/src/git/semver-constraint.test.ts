import { describe, expect, it } from 'vitest';
import { highestMatchingTag, parseConstraint, parseVersion } from './semver-constraint.js';

const tags = ['v0.9.0', 'v1.0.0', 'v1.2.0', 'v1.2.5', 'v1.10.0', 'v2.0.0-rc.1', 'v2.0.0', 'latest', '3.0'];

describe('semver constraints over tags (Masterminds-like)', () => {
  it.each([
    ['^1.0.0', 'v1.10.0'],
    ['~1.2.0', 'v1.2.5'],
    ['>=1.0.0, <1.2.0', 'v1.0.0'],
    ['1.2.x', 'v1.2.5'],
    ['1.2', 'v1.2.5'],
    ['*', '3.0'],
    ['<1.0.0 || >=2.0.0 <3.0.0', 'v2.0.0'],
    ['1.0.0 - 1.2.0', 'v1.2.0'],
    ['>=2.0.0-rc.0 <2.0.0', 'v2.0.0-rc.1'],
    ['!=3.0.0', 'v2.0.0'],
    ['^0.9', 'v0.9.0'],
  ])('%s → %s', (constraint, expected) => {
    expect(highestMatchingTag(tags, parseConstraint(constraint)!)).toBe(expected);
  });

  it('no match, and unparsable constraints', () => {
    expect(highestMatchingTag(tags, parseConstraint('>5')!)).toBeUndefined();
    expect(parseConstraint('not a constraint')).toBeUndefined();
    expect(parseConstraint('')).toBeUndefined();
  });

  it('parses lenient versions', () => {
    expect(parseVersion('v1.2')).toMatchObject({ major: 1, minor: 2, patch: 0 });
    expect(parseVersion('main')).toBeUndefined();
  });
});
