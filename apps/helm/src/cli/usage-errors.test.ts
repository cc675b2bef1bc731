import { describe, expect, it } from 'vitest';
import { argumentCountMessage, unknownFlagMessage, useLine } from './usage-errors.js';

const install = { id: 'plugin:install', args: { source: { name: 'source', required: true } } };
const uninstall = {
  id: 'plugin:uninstall',
  args: { plugin: { name: 'plugin', required: true } },
  strict: false,
  missingArgsMessage: 'please provide plugin name to uninstall',
};

describe("usage errors in Helm's words (pkg/cmd/require, pflag)", () => {
  it('wrong argument counts', () => {
    expect(argumentCountMessage(install, true)).toBe('"helm plugin install" requires 1 argument');
    expect(argumentCountMessage(install, false)).toBe('"helm plugin install" requires 1 argument');
    expect(argumentCountMessage(uninstall, true)).toBe('please provide plugin name to uninstall');
    expect(argumentCountMessage({ id: 'pull', args: { chart: { required: true } }, strict: false }, true)).toBe(
      '"helm pull" requires at least 1 argument',
    );
    expect(argumentCountMessage({ id: 'version' }, false)).toBe('"helm version" accepts no arguments');
    expect(argumentCountMessage({ id: 'env', args: { name: {} } }, false)).toBe(
      '"helm env" accepts at most 1 argument',
    );
  });

  it('usage lines and unknown flags', () => {
    expect(useLine(install)).toBe('helm plugin install SOURCE [flags]');
    expect(useLine(uninstall)).toBe('helm plugin uninstall PLUGIN... [flags]');
    expect(useLine({ id: 'env', args: { name: {} } })).toBe('helm env [NAME] [flags]');
    expect(unknownFlagMessage('--bogus')).toBe('unknown flag: --bogus');
    expect(unknownFlagMessage('--bogus=1')).toBe('unknown flag: --bogus');
    expect(unknownFlagMessage('-xyz')).toBe("unknown shorthand flag: 'x' in -xyz");
  });
});
