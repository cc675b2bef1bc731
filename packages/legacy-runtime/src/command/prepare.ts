import { Helm4Error } from '@helm4/errors';
import type { PlatformCommand } from '@helm4/manifest';
import { goExpandEnv } from './go-expand.js';
import { type GoPlatform, goPlatform } from './platform.js';

/** Go's `strings.EqualFold` for the ASCII names used here. */
const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Helm's getPlatformCommand: the first entry matching both os and arch wins at once; otherwise the first entry
 * with a matching os and no arch; otherwise the first entry with neither. An entry with an arch but no os is
 * only used when both match. Returns the command split on single spaces and the entry's args, or undefined.
 */
export function selectPlatformCommand(
  cmds: readonly PlatformCommand[],
  platform: GoPlatform = goPlatform(),
): { parts: string[]; args: readonly string[] } | undefined {
  let chosen: PlatformCommand | undefined;
  let foundOs = false;
  for (const c of cmds) {
    if (eq(c.os, platform.os) && eq(c.arch, platform.arch)) return split(c);
    if ((c.os !== '' && !eq(c.os, platform.os)) || c.arch !== '') continue;
    if (!foundOs && c.os !== '') {
      chosen = c;
      foundOs = true;
    } else if (chosen === undefined) {
      chosen = c;
    }
  }
  return chosen === undefined ? undefined : split(chosen);
}

function split(c: PlatformCommand) {
  return { parts: c.command.split(' '), args: c.args };
}

export interface PreparedCommand {
  main: string;
  args: string[];
}

/**
 * Helm's PrepareCommands: selects the platform command; expands `main` with Go's os.Expand against `env`
 * always, the other command parts and the args only when `expandArgs`; appends `extraArgs` unexpanded.
 * Throws RUNTIME_NO_COMMAND when no entry applies or its command starts with a space or is empty.
 */
export function prepareCommand(
  cmds: readonly PlatformCommand[],
  expandArgs: boolean,
  extraArgs: readonly string[],
  env: Readonly<Record<string, string>>,
  platform?: GoPlatform,
): PreparedCommand {
  const selected = selectPlatformCommand(cmds, platform);
  const first = selected?.parts[0];
  if (selected === undefined || first === undefined || first === '') {
    throw new Helm4Error('RUNTIME_NO_COMMAND', 'no plugin command is applicable', {
      hint: `add a platformCommand entry for ${(platform ?? goPlatform()).os}/${(platform ?? goPlatform()).arch} (or one without os and arch)`,
    });
  }
  const expand = (s: string) => (expandArgs ? goExpandEnv(s, env) : s);
  return {
    main: goExpandEnv(first, env),
    args: [...selected.parts.slice(1).map(expand), ...selected.args.map(expand), ...extraArgs],
  };
}
