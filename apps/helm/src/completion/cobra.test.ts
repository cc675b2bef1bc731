import { describe, expect, it } from 'vitest';
import { type CompCommand, command, Directive, directiveName, getCompletions, renderCompletion } from './cobra.js';

function tree(): CompCommand {
  const get = command({
    name: 'get',
    short: 'get things',
    aliases: ['g'],
    flags: [
      { name: 'output', shorthand: 'o', usage: 'format', bool: false },
      { name: 'all', shorthand: 'a', usage: 'everything', bool: true },
      { name: 'label', usage: 'labels', bool: false, repeatable: true },
    ],
    validArgs: ['pods', 'nodes'],
    flagCompletion: { output: () => ({ completions: ['json', 'yaml'], directive: Directive.NoFileComp }) },
  });
  const run = command({
    name: 'run',
    short: 'run it',
    validArgsFunction: (_c, args, toComplete) => ({
      completions: [`args=${args.join(',')}`, `toComplete=${toComplete}`],
      directive: Directive.NoSpace,
    }),
  });
  const hidden = command({ name: 'secret', hidden: true });
  const globals = [
    { name: 'debug', usage: 'verbose', bool: true },
    { name: 'ns', shorthand: 'n', usage: 'namespace', bool: false },
  ];
  for (const c of [get, run]) c.inheritedFlags = globals;
  return command({ name: 'app', runnable: false, flags: globals, commands: [run, get, hidden] });
}

describe("cobra's getCompletions", () => {
  it('completes sub-command names, sorted, without hidden ones', async () => {
    expect(await getCompletions(tree(), [''])).toEqual({
      completions: ['get\tget things', 'run\trun it'],
      directive: Directive.NoFileComp,
    });
    expect((await getCompletions(tree(), ['r'])).completions).toEqual(['run\trun it']);
  });

  it('finds commands by alias and past root flags and their values', async () => {
    expect((await getCompletions(tree(), ['-n', 'x', 'g', ''])).completions).toEqual(['pods', 'nodes']);
    expect((await getCompletions(tree(), ['--debug', 'run', 'a', 'b'])).completions).toEqual([
      'args=a',
      'toComplete=b',
    ]);
  });

  it('completes flag names, leaving out flags already set unless repeatable', async () => {
    const r = await getCompletions(tree(), ['get', '--all', '--label', 'x', '-']);
    expect(r.completions).toEqual([
      '--debug\tverbose',
      '--ns\tnamespace',
      '-n\tnamespace',
      '--help\thelp for get',
      '-h\thelp for get',
      '--label\tlabels',
      '--output\tformat',
      '-o\tformat',
    ]);
    expect(r.directive).toBe(Directive.NoFileComp);
  });

  it('completes flag values with the flag completion function (--flag value, --flag=value, -o value)', async () => {
    for (const args of [
      ['get', '--output', ''],
      ['get', '--output='],
      ['get', '-o', 'j'],
    ]) {
      expect((await getCompletions(tree(), args)).completions.length).toBeGreaterThan(0);
    }
    expect((await getCompletions(tree(), ['get', '-o', 'j'])).completions).toEqual(['json', 'yaml']);
  });

  it('valid args only for the first argument', async () => {
    expect(await getCompletions(tree(), ['get', 'pods', ''])).toEqual({
      completions: [],
      directive: Directive.Default,
    });
  });

  it('reports unknown commands and bad flags as cobra does', async () => {
    expect(await getCompletions(tree(), ['nope', ''])).toEqual({
      completions: [],
      directive: Directive.Default,
      error: 'unable to find a command for arguments: [nope]',
    });
    expect((await getCompletions(tree(), ['get', '--bogus', 'x', ''])).error).toBe(
      'Error while parsing flags from args [--bogus x]: unknown flag: --bogus',
    );
    expect((await getCompletions(tree(), ['get', '--bogus', ''])).error).toBe(
      'Error while parsing flags from args [--bogus]: unknown flag: --bogus',
    );
  });

  it('stops at --help', async () => {
    expect(await getCompletions(tree(), ['get', '--help', ''])).toEqual({
      completions: [],
      directive: Directive.NoFileComp,
    });
  });
});

describe('the __complete output', () => {
  it('prints first lines, trimmed, then the directive; names the directive on stderr', () => {
    const out = renderCompletion(
      { completions: ['a\tdesc\nmore', ' b ', '_activeHelp_ tip'], directive: 6 },
      { noDescriptions: false, noActiveHelp: false },
    );
    expect(out).toEqual({
      stdout: 'a\tdesc\nb\n_activeHelp_ tip\n:6\n',
      stderr: 'Completion ended with directive: ShellCompDirectiveNoSpace, ShellCompDirectiveNoFileComp\n',
    });
    expect(
      renderCompletion(
        { completions: ['a\tdesc', '_activeHelp_ tip'], directive: 0, error: 'boom' },
        {
          noDescriptions: true,
          noActiveHelp: true,
        },
      ),
    ).toEqual({
      stdout: 'a\n:0\n',
      stderr: '[Debug] [Error] boom\nCompletion ended with directive: ShellCompDirectiveDefault\n',
    });
  });

  it('names every directive like cobra', () => {
    expect(directiveName(0)).toBe('ShellCompDirectiveDefault');
    expect(directiveName(1 | 8 | 16 | 32)).toBe(
      'ShellCompDirectiveError, ShellCompDirectiveFilterFileExt, ShellCompDirectiveFilterDirs, ShellCompDirectiveKeepOrder',
    );
    expect(directiveName(64)).toBe('ERROR: unexpected ShellCompDirective value: 64');
  });
});
