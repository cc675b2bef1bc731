import { describe, expect, it } from 'vitest';
import { goBoolArgv } from './go-bool-flags.js';

const booleans = new Map([
  ['verify', { allowNo: true }],
  ['plain-http', { allowNo: false }],
]);

describe('goBoolArgv (Go booleans for oclif)', () => {
  it('turns --flag=<bool> into oclif booleans, leaving other arguments and everything after -- alone', () => {
    expect(goBoolArgv(['--verify=false', 'x', '--plain-http=true', '--type=a'], booleans)).toEqual([
      '--no-verify',
      'x',
      '--plain-http',
      '--type=a',
    ]);
    expect(goBoolArgv(['--verify=T', '--plain-http=0'], booleans)).toEqual(['--verify']);
    expect(goBoolArgv(['--', '--verify=maybe'], booleans)).toEqual(['--', '--verify=maybe']);
  });

  it("refuses what Go's ParseBool refuses, as pflag does", () => {
    expect(() => goBoolArgv(['--verify=maybe'], booleans)).toThrow(
      expect.objectContaining({
        code: 'CLI_INVALID_FLAG_VALUE',
        message: 'invalid argument "maybe" for "--verify" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
      }),
    );
  });
});
