import { describe, expect, it } from 'vitest';
import { cliCommandConfig, cliCommandName, cliShortHelp, cliUsage } from './command.js';

const meta = (name: string, config: Record<string, unknown>) => ({ name, config });

describe('cli/v1 command naming (cobra Use / Name / Short)', () => {
  it('takes the first word of usage, else the plugin name', () => {
    expect(cliCommandName(meta('hello-v1', { usage: 'hello [params]...' }))).toBe('hello');
    expect(cliCommandName(meta('args', { usage: '' }))).toBe('args');
    expect(cliCommandName(meta('args', {}))).toBe('args');
    expect(cliUsage(meta('args', {}))).toBe('args');
    expect(cliUsage(meta('x', { usage: 'y [a]' }))).toBe('y [a]');
  });

  it('defaults the short help to the "<name>" plugin', () => {
    expect(cliShortHelp(meta('args', { shortHelp: 'echo args' }))).toBe('echo args');
    expect(cliShortHelp(meta('args', {}))).toBe('the "args" plugin');
  });

  it('reads the normalised config with zero values', () => {
    expect(cliCommandConfig({ config: { ignoreFlags: true, longHelp: 'l' } })).toEqual({
      usage: '',
      shortHelp: '',
      longHelp: 'l',
      ignoreFlags: true,
    });
  });
});
