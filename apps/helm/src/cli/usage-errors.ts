import { Helm4Error } from '@helm4/errors';

/** What a usage error needs to know of the command it happened in (oclif's static command fields). */
export interface CommandShape {
  /** oclif id, `plugin:install`. */
  id: string;
  args?: Readonly<Record<string, { name?: string; required?: boolean }>> | undefined;
  strict?: boolean | undefined;
  /** Helm's own message for missing arguments (`please provide plugin name to uninstall`). */
  missingArgsMessage?: string | undefined;
}

type OclifParseError = Error & { flags?: unknown; args?: unknown };

/** `helm plugin install`: the command path as cobra's `CommandPath()`. */
export function commandPath(id: string): string {
  return ['helm', ...id.split(':')].join(' ');
}

/** cobra's UseLine for our arguments: `helm plugin install SOURCE [flags]`. */
export function useLine(cmd: CommandShape): string {
  const args = Object.entries(cmd.args ?? {}).map(([key, a]) => {
    const name = (a.name ?? key).toUpperCase() + (cmd.strict === false ? '...' : '');
    return a.required === true ? name : `[${name}]`;
  });
  return [commandPath(cmd.id), ...args, '[flags]'].join(' ');
}

function pluralize(n: number): string {
  return n === 1 ? 'argument' : 'arguments';
}

/** Helm's `require` messages (pkg/cmd/require/args.go) for a wrong number of arguments. */
export function argumentCountMessage(cmd: CommandShape, missing: boolean): string {
  const path = JSON.stringify(commandPath(cmd.id));
  const args = Object.values(cmd.args ?? {});
  const required = args.filter((a) => a.required === true).length;
  if (missing && cmd.missingArgsMessage !== undefined) return cmd.missingArgsMessage;
  if (cmd.strict === false) return `${path} requires at least ${required} ${pluralize(required)}`;
  if (args.length === 0) return `${path} accepts no arguments`;
  if (required === args.length) return `${path} requires ${required} ${pluralize(required)}`;
  return `${path} accepts at most ${args.length} ${pluralize(args.length)}`;
}

/** pflag's message for an unknown flag: `unknown flag: --bogus`, `unknown shorthand flag: 'x' in -xyz`. */
export function unknownFlagMessage(flag: string): string {
  if (flag.startsWith('--')) return `unknown flag: ${flag.split('=')[0]}`;
  return `unknown shorthand flag: '${flag.slice(1, 2)}' in ${flag}`;
}

export function unknownFlag(flag: string, cmd: { id: string } | undefined): Helm4Error {
  const path = cmd === undefined ? 'helm' : commandPath(cmd.id);
  return new Helm4Error('CLI_UNKNOWN_FLAG', unknownFlagMessage(flag), {
    hint:
      flag === '--version' && cmd === undefined
        ? "Helm has no --version flag; run 'helm version'"
        : `Run '${path} --help' for usage.`,
    details: { flag },
  });
}

/**
 * oclif's parse errors as Helm's (pflag's and `require`'s) messages, coded; `undefined` for any other error.
 * Helm exits 1 for all of them.
 */
export function usageError(err: unknown, cmd: CommandShape): Helm4Error | undefined {
  if (!(err instanceof Error) || (err as { oclif?: unknown }).oclif === undefined) return undefined;
  const e = err as OclifParseError;
  // oclif's parser errors (CLIParseError has `parse`) and the flag errors it throws as plain CLIErrors.
  if (!('parse' in e) && !/^(Flag --|Unexpected flag )/.test(err.message)) return undefined;
  const kind = err.constructor.name;
  const help = `Run '${commandPath(cmd.id)} --help' for usage.`;
  if (kind === 'NonExistentFlagsError' && Array.isArray(e.flags) && typeof e.flags[0] === 'string') {
    return unknownFlag(e.flags[0], cmd);
  }
  if (kind === 'RequiredArgsError' || kind === 'UnexpectedArgsError') {
    return new Helm4Error('CLI_ARGUMENT_COUNT', argumentCountMessage(cmd, kind === 'RequiredArgsError'), {
      hint: `usage: ${useLine(cmd)}`,
    });
  }
  const needsValue = /^Flag --([\w-]+) expects (?:a value|one of these values)/.exec(err.message);
  if (needsValue !== null) {
    return new Helm4Error('CLI_FLAG_NEEDS_ARGUMENT', `flag needs an argument: --${needsValue[1]}`, {
      hint: help,
      details: { flag: `--${needsValue[1]}` },
    });
  }
  const invalidOption = /^Expected --([\w-]+)=([\s\S]*) to be one of: (.*)/.exec(err.message);
  if (invalidOption !== null) {
    const [, flag, value, options] = invalidOption;
    return new Helm4Error(
      'CLI_INVALID_FLAG_VALUE',
      `invalid argument ${JSON.stringify(value)} for "--${flag}" flag: must be one of: ${options}`,
      { hint: help, details: { flag: `--${flag}`, value } },
    );
  }
  // The rest (e.g. FailedFlagValidationError: "The following error occurred:\n  Missing required flag x"), one line.
  const reasons = err.message
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes oclif may add
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^The following errors? occurred:$/.test(l) && !/^See more help with/.test(l));
  const required = reasons.map((r) => /^Missing required flag (\S+)/.exec(r)?.[1]).filter((f) => f !== undefined);
  const message =
    required.length > 0 && required.length === reasons.length
      ? `required flag(s) ${required.map((f) => `"${f}"`).join(', ')} not set`
      : reasons.join('; ') || err.message;
  return new Helm4Error('CLI_USAGE', message, { hint: help });
}
