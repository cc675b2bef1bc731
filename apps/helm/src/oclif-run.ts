import { scanGlobalFlags } from './cli/global-flags.js';
import { type CommandTable, readCommandTable, routeArgv } from './cli/route.js';
import { unknownFlag } from './cli/usage-errors.js';
import { errorJson, exitCodeFor, formatError } from './errors.js';

/**
 * The arguments oclif runs for `helm <argv>`: the command found as cobra finds it, as its oclif id (`plugin:list`)
 * followed by the global flags met on the way and the rest; or, when only a topic (or nothing) is named, that
 * topic's help after checking the flags as cobra would (`helm plugin foo` is the help of `helm plugin`, exit 0;
 * `helm plugin --bogus` is `unknown flag: --bogus`).
 */
export function oclifArgv(argv: readonly string[], table: CommandTable): string[] {
  const route = routeArgv(argv, table);
  if (route.kind === 'command') return [route.id, ...route.argv];
  const { unknown } = scanGlobalFlags(route.args);
  if (unknown !== undefined) throw unknownFlag(unknown, route.id === undefined ? undefined : { id: route.id });
  return [...(route.id === undefined ? [] : [route.id]), ...route.args, '--help'];
}

/** This helm's own commands (everything but plugins, completion requests and the fast plugin list), via oclif. */
export async function runOclif(argv: readonly string[]): Promise<void> {
  let args: string[];
  try {
    args = oclifArgv(argv, readCommandTable());
  } catch (err) {
    const dashDash = argv.indexOf('--');
    if ((dashDash < 0 ? argv : argv.slice(0, dashDash)).includes('--json')) {
      process.stdout.write(`${JSON.stringify(errorJson(err), null, 2)}\n`);
    } else {
      process.stderr.write(formatError(err));
    }
    process.exitCode = exitCodeFor(err);
    return;
  }
  // oclif's `run` would look for the command id again, space-separated (`version extra` → `version:extra`): the
  // command found here is run directly, and help shown by our help class, as `run` does it.
  const { Config, flush, handle } = await import('@oclif/core');
  try {
    const config = await Config.load(import.meta.url);
    const dashDash = args.indexOf('--');
    const head = dashDash < 0 ? args : args.slice(0, dashDash);
    if (head.includes('--help') || head.includes('-h')) {
      const { HelmHelp } = await import('./help.js');
      await new HelmHelp(config, config.pjson.oclif.helpOptions ?? {}).showHelp(args);
    } else {
      await config.runCommand(args[0] as string, args.slice(1));
    }
    await flush();
  } catch (err) {
    await handle(err as Error);
  }
}
