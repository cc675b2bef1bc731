import { readFileSync } from 'node:fs';
import { HELM_GLOBAL_FLAGS } from './global-flags.js';

/** This helm's commands as the router needs them (from oclif.manifest.json and the package's topics). */
export interface CommandTable {
  /** Every command id (`plugin:list`) and alias (`plugin:ls`), mapped to its command id. */
  commands: ReadonlyMap<string, string>;
  /** Topics (`plugin`, `completion`): words that only group commands. */
  topics: ReadonlySet<string>;
}

export type Route =
  /** Run command `id` with `argv` (global flags met before or inside the command path come first). */
  | { kind: 'command'; id: string; argv: string[] }
  /**
   * A topic (or nothing) was named: cobra shows its help (the root help when `id` is undefined). `args` are the
   * other arguments before `--`, whose flags the caller checks as cobra would (an unknown flag is an error).
   */
  | { kind: 'help'; id: string | undefined; args: string[] };

const byName = new Map(HELM_GLOBAL_FLAGS.map((f) => [f.name, f]));
const byShort = new Map(HELM_GLOBAL_FLAGS.filter((f) => f.shorthand).map((f) => [f.shorthand as string, f]));

/**
 * cobra's stripFlags: a flag without `=` that is not a known boolean takes the next argument as its value. Except
 * `--help`/`-h`: cobra has not defined them yet when it looks for the command, so `helm --help plugin` shows the
 * root help; here they name no value, so `helm --help plugin list` is the help of `plugin list`.
 */
function takesNextArgument(arg: string): boolean {
  if (arg.includes('=') || arg === '--help' || arg === '-h') return false;
  if (arg.startsWith('--')) return byName.get(arg.slice(2))?.bool !== true;
  return arg.length === 2 && byShort.get(arg.slice(1))?.bool !== true;
}

/**
 * cobra's `Find` over this helm's commands: the command path is the run of words naming a topic or command
 * (aliases included), flags met on the way (with their values) are skipped and moved after the command id, so
 * `helm -n ns plugin --debug list` runs `plugin:list -n ns --debug`. The walk stops at a command, or at the first
 * word that names nothing (an argument: `helm plugin foo` shows the help of `helm plugin`, as in Helm).
 */
export function routeArgv(argv: readonly string[], table: CommandTable): Route {
  const hoisted: string[] = [];
  let node: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg.startsWith('-') && arg !== '-') {
      hoisted.push(arg);
      if (takesNextArgument(arg) && i + 1 < argv.length) hoisted.push(argv[++i] as string);
      continue;
    }
    const candidate = node === undefined ? arg : `${node}:${arg}`;
    const id = table.commands.get(candidate);
    if (id !== undefined) {
      return { kind: 'command', id, argv: [...hoisted, ...argv.slice(i + 1)] };
    }
    if (!table.topics.has(candidate)) break;
    node = candidate;
  }
  const rest = argv.slice(i);
  const dashDash = rest.indexOf('--');
  return { kind: 'help', id: node, args: [...hoisted, ...(dashDash >= 0 ? rest.slice(0, dashDash) : rest)] };
}

interface ManifestShape {
  commands: Record<string, { id: string; aliases?: string[] }>;
}

/** The command table of this build (oclif.manifest.json, package.json topics); no oclif import. */
export function readCommandTable(): CommandTable {
  const manifest = JSON.parse(
    readFileSync(new URL('../../oclif.manifest.json', import.meta.url), 'utf8'),
  ) as ManifestShape;
  const pjson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    oclif: { topics?: Record<string, unknown> };
  };
  const commands = new Map<string, string>();
  for (const c of Object.values(manifest.commands)) {
    commands.set(c.id, c.id);
    for (const alias of c.aliases ?? []) commands.set(alias, c.id);
  }
  return { commands, topics: new Set(Object.keys(pjson.oclif.topics ?? {})) };
}
