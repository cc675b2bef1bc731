/**
 * cobra's shell-completion protocol (`__complete`), over a command tree described as data. This follows
 * cobra's `getCompletions` (completions.go) and the parts of `Find` / pflag it relies on, so plugin commands,
 * their completion.yaml sub-commands and flags complete exactly as in Helm.
 */

/** cobra's ShellCompDirective bits. */
export const Directive = {
  Error: 1,
  NoSpace: 2,
  NoFileComp: 4,
  FilterFileExt: 8,
  FilterDirs: 16,
  KeepOrder: 32,
  Default: 0,
} as const;
const DIRECTIVE_MAX = 64;

export interface CompFlag {
  name: string;
  shorthand?: string | undefined;
  usage: string;
  /** Needs no value (pflag NoOptDefVal), e.g. a boolean. */
  bool: boolean;
  /** A slice or array flag: offered again even when already given. */
  repeatable?: boolean;
  hidden?: boolean;
  /** A persistent flag (Helm's global flags on the root): setting it does not stop sub-command completion. */
  persistent?: boolean;
}

export interface CompResult {
  completions: string[];
  directive: number;
}

/** `args` are the arguments after the command path (flags included when flag parsing is disabled). */
export type CompletionFn = (cmd: CompCommand, args: string[], toComplete: string) => Promise<CompResult> | CompResult;

export interface CompCommand {
  /** cobra `Name()`: the first word of `Use`. */
  name: string;
  aliases: string[];
  short: string;
  hidden: boolean;
  runnable: boolean;
  /** The command parses no flags itself (plugins): every argument reaches its completion function. */
  disableFlagParsing: boolean;
  /** Flags of this command only (local, not inherited by sub-commands). */
  flags: CompFlag[];
  /** Flags this command inherits from its ancestors (Helm's global flags, for plugin commands). */
  inheritedFlags: CompFlag[];
  commands: CompCommand[];
  parent?: CompCommand | undefined;
  validArgs: string[];
  validArgsFunction?: CompletionFn | undefined;
  flagCompletion?: Readonly<Record<string, CompletionFn>> | undefined;
  /** Called once before the command is searched into (lazy sub-commands, e.g. a plugin's completion.yaml). */
  expand?: (() => Promise<void>) | undefined;
}

export function command(fields: Partial<CompCommand> & Pick<CompCommand, 'name'>): CompCommand {
  const cmd: CompCommand = {
    aliases: [],
    short: '',
    hidden: false,
    runnable: true,
    disableFlagParsing: false,
    flags: [],
    inheritedFlags: [],
    commands: [],
    validArgs: [],
    ...fields,
  };
  for (const c of cmd.commands) c.parent = cmd;
  return cmd;
}

export function addCommand(parent: CompCommand, child: CompCommand): void {
  child.parent = parent;
  parent.commands.push(child);
}

export interface CompletionOutcome extends CompResult {
  /** A message cobra prints to stderr as `[Debug] [Error] …` (completion goes on). */
  error?: string;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const goList = (xs: readonly string[]) => `[${xs.join(' ')}]`;

function allFlags(cmd: CompCommand): CompFlag[] {
  const local = new Set(cmd.flags.map((f) => f.name));
  return [...cmd.flags, ...cmd.inheritedFlags.filter((f) => !local.has(f.name))];
}
function lookup(cmd: CompCommand, name: string): CompFlag | undefined {
  return allFlags(cmd).find((f) => f.name === name);
}
function lookupShort(cmd: CompCommand, short: string): CompFlag | undefined {
  return allFlags(cmd).find((f) => f.shorthand === short);
}

/** cobra stripFlags: the non-flag words of `args`, skipping the values of flags that take one. */
function stripFlags(args: readonly string[], cmd: CompCommand): string[] {
  const commands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i] as string;
    if (s === '--') break;
    if (s.startsWith('--') && !s.includes('=') && lookup(cmd, s.slice(2))?.bool !== true) {
      if (args.length - i <= 2) break;
      i++;
    } else if (s.startsWith('-') && !s.includes('=') && s.length === 2 && lookupShort(cmd, s.slice(1))?.bool !== true) {
      if (args.length - i <= 2) break;
      i++;
    } else if (s !== '' && !s.startsWith('-')) {
      commands.push(s);
    }
  }
  return commands;
}

/** cobra argsMinusFirstX: `args` without the first non-flag occurrence of `x`. */
function argsMinusFirstX(args: readonly string[], x: string, cmd: CompCommand): string[] {
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos] as string;
    if (s === '--') break;
    if (s.startsWith('--') && !s.includes('=') && lookup(cmd, s.slice(2))?.bool !== true) {
      pos++;
    } else if (s.startsWith('-') && !s.includes('=') && s.length === 2 && lookupShort(cmd, s.slice(1))?.bool !== true) {
      pos++;
    } else if (!s.startsWith('-') && s === x) {
      return [...args.slice(0, pos), ...args.slice(pos + 1)];
    }
  }
  return [...args];
}

function findNext(cmd: CompCommand, next: string): CompCommand | undefined {
  return cmd.commands.find((c) => c.name === next || c.aliases.includes(next));
}

/** cobra Command.Find (with legacyArgs for the root, whose Args is nil in Helm). */
export async function find(
  root: CompCommand,
  args: readonly string[],
): Promise<{ cmd: CompCommand; args: string[]; error?: string }> {
  let cmd = root;
  let rest = [...args];
  for (;;) {
    const words = stripFlags(rest, cmd);
    const next = words[0];
    if (next === undefined) break;
    const sub = findNext(cmd, next);
    if (sub === undefined) break;
    if (sub.expand !== undefined) {
      const expand = sub.expand;
      sub.expand = undefined;
      await expand();
    }
    rest = argsMinusFirstX(rest, next, cmd);
    cmd = sub;
  }
  if (cmd === root && cmd.commands.length > 0) {
    const stray = stripFlags(rest, cmd)[0];
    if (stray !== undefined)
      return { cmd, args: rest, error: `unknown command ${JSON.stringify(stray)} for "${cmd.name}"` };
  }
  return { cmd, args: rest };
}

interface ParsedFlags {
  changed: Set<string>;
  args: string[];
  error?: string;
}

const GO_BOOL = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** pflag's parse of a command's flags (interspersed): which flags are set and the positional arguments. */
function parseFlags(cmd: CompCommand, args: readonly string[]): ParsedFlags {
  const out: ParsedFlags = { changed: new Set(), args: [] };
  const set = (flag: CompFlag, value: string, as: string): boolean => {
    if (flag.bool && !GO_BOOL.has(value)) {
      out.error = `invalid argument ${JSON.stringify(value)} for "${as}" flag: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`;
      return false;
    }
    out.changed.add(flag.name);
    return true;
  };
  for (let i = 0; i < args.length; ) {
    const s = args[i++] as string;
    if (s.length < 2 || s[0] !== '-') {
      out.args.push(s);
      continue;
    }
    if (s === '--') {
      out.args.push(...args.slice(i));
      break;
    }
    if (s[1] === '-') {
      const body = s.slice(2);
      if (body === '' || body[0] === '-' || body[0] === '=') {
        out.error = `bad flag syntax: ${s}`;
        return out;
      }
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const flag = lookup(cmd, name);
      if (flag === undefined) {
        out.error = `unknown flag: --${name}`;
        return out;
      }
      let value: string;
      if (eq >= 0) value = body.slice(eq + 1);
      else if (flag.bool) value = 'true';
      else if (i < args.length) value = args[i++] as string;
      else {
        out.error = `flag needs an argument: ${s}`;
        return out;
      }
      if (!set(flag, value, `--${name}`)) return out;
      continue;
    }
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = shorts[0] as string;
      const flag = lookupShort(cmd, c);
      if (flag === undefined) {
        out.error = `unknown shorthand flag: '${c}' in -${shorts}`;
        return out;
      }
      let value: string;
      if (shorts.length > 2 && shorts[1] === '=') {
        value = shorts.slice(2);
        shorts = '';
      } else if (flag.bool) {
        value = 'true';
        shorts = shorts.slice(1);
      } else if (shorts.length > 1) {
        value = shorts.slice(1);
        shorts = '';
      } else if (i < args.length) {
        value = args[i++] as string;
        shorts = '';
      } else {
        out.error = `flag needs an argument: '${c}' in -${shorts}`;
        return out;
      }
      if (!set(flag, value, `-${c}`)) return out;
    }
  }
  return out;
}

const isFlagArg = (a: string) =>
  (a.length >= 3 && a.startsWith('--')) || (a.length >= 2 && a[0] === '-' && a[1] !== '-');

/** cobra checkIfFlagCompletion: whether the word being completed is the value of a flag. */
function checkIfFlagCompletion(
  cmd: CompCommand,
  args: string[],
  lastArg: string,
): { flag?: CompFlag; args: string[]; toComplete: string; error?: { message: string; flagComp: boolean } } {
  if (cmd.disableFlagParsing) return { args, toComplete: lastArg };
  let flagName = '';
  let trimmed = args;
  let withEqual = false;
  const original = lastArg;
  if (lastArg.startsWith('-')) {
    const idx = lastArg.indexOf('=');
    if (idx < 0) return { args, toComplete: lastArg };
    flagName = lastArg.slice(0, idx).startsWith('--') ? lastArg.slice(2, idx) : lastArg.slice(idx - 1, idx);
    lastArg = lastArg.slice(idx + 1);
    withEqual = true;
  }
  if (flagName === '' && args.length > 0) {
    const prev = args.at(-1) as string;
    if (isFlagArg(prev) && !prev.includes('=')) {
      flagName = prev.startsWith('--') ? prev.slice(2) : prev.slice(-1);
      trimmed = args.slice(0, -1);
    }
  }
  if (flagName === '') return { args: trimmed, toComplete: lastArg };
  const flag = flagName.length === 1 ? lookupShort(cmd, flagName) : lookup(cmd, flagName);
  if (flag === undefined) {
    return {
      args,
      toComplete: original,
      error: { message: `Subcommand '${cmd.name}' does not support flag '${flagName}'`, flagComp: true },
    };
  }
  if (!withEqual && flag.bool) return { args, toComplete: lastArg };
  return { flag, args: trimmed, toComplete: lastArg };
}

function flagNameCompletions(flag: CompFlag, toComplete: string): string[] {
  if (flag.hidden) return [];
  const out: string[] = [];
  if (`--${flag.name}`.startsWith(toComplete)) out.push(`--${flag.name}\t${flag.usage}`);
  if (flag.shorthand && `-${flag.shorthand}`.startsWith(toComplete)) out.push(`-${flag.shorthand}\t${flag.usage}`);
  return out;
}

function isAvailable(cmd: CompCommand): boolean {
  if (cmd.hidden) return false;
  return cmd.runnable || cmd.commands.some(isAvailable);
}

/** cobra getCompletions: the candidates and directive for `args` (the last one is the word being completed). */
export async function getCompletions(root: CompCommand, args: readonly string[]): Promise<CompletionOutcome> {
  const toCompleteArg = args.at(-1) ?? '';
  const trimmedArgs = args.slice(0, -1);
  const found = await find(root, trimmedArgs);
  if (found.error !== undefined) {
    return {
      completions: [],
      directive: Directive.Default,
      error: `unable to find a command for arguments: ${goList(trimmedArgs)}`,
    };
  }
  const cmd = found.cmd;
  if (!cmd.disableFlagParsing && lookup(cmd, 'help') === undefined) {
    cmd.flags = [...cmd.flags, { name: 'help', shorthand: 'h', usage: `help for ${cmd.name}`, bool: true }];
  }
  const check = checkIfFlagCompletion(cmd, found.args, toCompleteArg);
  const { flag } = check;
  let finalArgs = check.args;
  const toComplete = check.toComplete;

  let flagCompletion = true;
  let changed = new Set<string>();
  if (!cmd.disableFlagParsing) {
    const withDashDash = parseFlags(cmd, [...finalArgs, '--']);
    const parsed = parseFlags(cmd, finalArgs);
    if (parsed.error !== undefined) {
      return {
        completions: [],
        directive: Directive.Default,
        error: `Error while parsing flags from args ${goList(finalArgs)}: ${parsed.error}`,
      };
    }
    if (withDashDash.args.length > parsed.args.length) flagCompletion = false;
    changed = parsed.changed;
    if (changed.has('help')) return { completions: [], directive: Directive.NoFileComp };
    finalArgs = parsed.args;
  }
  if (check.error !== undefined && !(check.error.flagComp && !flagCompletion)) {
    return { completions: [], directive: Directive.Default, error: check.error.message };
  }

  const completions: string[] = [];
  let directive: number = Directive.Default;
  if (flag === undefined && toComplete.startsWith('-') && !toComplete.includes('=') && flagCompletion) {
    const offer = (f: CompFlag) => {
      if (!changed.has(f.name) || f.repeatable) completions.push(...flagNameCompletions(f, toComplete));
    };
    const local = new Set(cmd.flags.map((f) => f.name));
    [...cmd.inheritedFlags.filter((f) => !local.has(f.name))].sort(byName).forEach(offer);
    [...cmd.flags].sort(byName).forEach(offer);
    directive = Directive.NoFileComp;
    if (completions.length === 1 && completions[0]?.endsWith('=')) directive = Directive.NoSpace;
    if (!cmd.disableFlagParsing) return { completions, directive };
  } else if (flag === undefined) {
    const localSet = cmd.flags.some((f) => f.persistent !== true && changed.has(f.name));
    if (finalArgs.length === 0 && !localSet) {
      for (const sub of [...cmd.commands].sort(byName)) {
        if (!isAvailable(sub)) continue;
        if (sub.name.startsWith(toComplete)) completions.push(`${sub.name}\t${sub.short}`);
        directive = Directive.NoFileComp;
      }
    }
    if (cmd.validArgs.length > 0) {
      if (finalArgs.length === 0) {
        completions.push(...cmd.validArgs.filter((a) => a.startsWith(toComplete)));
        directive = Directive.NoFileComp;
      }
      return { completions, directive };
    }
  }
  const fn = flag !== undefined && flagCompletion ? cmd.flagCompletion?.[flag.name] : cmd.validArgsFunction;
  if (fn !== undefined) {
    const r = await fn(cmd, finalArgs, toComplete);
    completions.push(...r.completions);
    directive = r.directive;
  }
  return { completions, directive };
}

/** cobra's `ShellCompDirective.string()`, as printed on stderr. */
export function directiveName(d: number): string {
  const names: string[] = [];
  if (d & Directive.Error) names.push('ShellCompDirectiveError');
  if (d & Directive.NoSpace) names.push('ShellCompDirectiveNoSpace');
  if (d & Directive.NoFileComp) names.push('ShellCompDirectiveNoFileComp');
  if (d & Directive.FilterFileExt) names.push('ShellCompDirectiveFilterFileExt');
  if (d & Directive.FilterDirs) names.push('ShellCompDirectiveFilterDirs');
  if (d & Directive.KeepOrder) names.push('ShellCompDirectiveKeepOrder');
  if (names.length === 0) names.push('ShellCompDirectiveDefault');
  if (d >= DIRECTIVE_MAX) return `ERROR: unexpected ShellCompDirective value: ${d}`;
  return names.join(', ');
}

/** Go's strings.TrimSpace (Unicode White_Space). */
function goTrimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

export interface CompletionPrintOptions {
  noDescriptions: boolean;
  noActiveHelp: boolean;
}

/** What `__complete` writes: one candidate per line (first line, trimmed), then `:<directive>`; and its stderr. */
export function renderCompletion(
  outcome: CompletionOutcome,
  opts: CompletionPrintOptions,
): { stdout: string; stderr: string } {
  let stdout = '';
  for (let comp of outcome.completions) {
    if (opts.noActiveHelp && comp.startsWith('_activeHelp_ ')) continue;
    if (opts.noDescriptions) comp = comp.split('\t')[0] as string;
    comp = goTrimSpace(comp.split('\n')[0] as string);
    stdout += `${comp}\n`;
  }
  stdout += `:${outcome.directive}\n`;
  const error = outcome.error === undefined ? '' : `[Debug] [Error] ${outcome.error}\n`;
  return { stdout, stderr: `${error}Completion ended with directive: ${directiveName(outcome.directive)}\n` };
}
