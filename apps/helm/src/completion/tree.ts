import { readFileSync } from 'node:fs';
import type { LoadedPlugin } from '@helm4/manifest/loader';
import { runDynamicCompletion } from '@helm4/plugin-type-cli/completion';
import {
  type CliCommand,
  type CompletionSpec,
  cliCommandConfig,
  cliShortHelp,
  cliUsage,
  readCompletionSpec,
  splitHelmArgs,
} from '@helm4/plugin-type-cli/host';
import { type Env, helmEnvVars, loadSettings } from '@helm4/settings';
import { HELM_GLOBAL_FLAGS } from '../cli/global-flags.js';
import { helmBin } from '../env.js';
import { addCommand, type CompCommand, type CompFlag, type CompletionFn, command, Directive, find } from './cobra.js';

/** What `oclif.manifest.json` says of a command (the fields completion uses). */
export interface ManifestCommand {
  id: string;
  aliases?: string[];
  hidden?: boolean;
  summary?: string;
  description?: string;
  flags?: Record<
    string,
    {
      name: string;
      char?: string;
      summary?: string;
      description?: string;
      type: string;
      multiple?: boolean;
      hidden?: boolean;
      allowNo?: boolean;
    }
  >;
}

export interface BuiltinCommands {
  commands: Record<string, ManifestCommand>;
  /** oclif topics (`plugin`, `completion`) with their descriptions. */
  topics: Record<string, { description?: string }>;
}

/** The commands of this helm, from the oclif manifest written at build time (no oclif import). */
export function readBuiltinCommands(): BuiltinCommands {
  const manifest = JSON.parse(readFileSync(new URL('../../oclif.manifest.json', import.meta.url), 'utf8')) as {
    commands: Record<string, ManifestCommand>;
  };
  const pjson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    oclif: { topics?: Record<string, { description?: string }> };
  };
  return { commands: manifest.commands, topics: pjson.oclif.topics ?? {} };
}

export const GLOBAL_COMP_FLAGS: readonly CompFlag[] = HELM_GLOBAL_FLAGS.map((f) => ({
  name: f.name,
  shorthand: f.shorthand,
  usage: f.usage,
  bool: f.bool === true,
  repeatable: f.array === true,
  persistent: true,
}));

export interface TreeInput {
  builtins: BuiltinCommands;
  /** cli/v1 plugins that own a command. */
  pluginCommands: readonly CliCommand[];
  /** Every loaded cli/v1 plugin (conflicting ones included): `helm plugin uninstall|update` offers these. */
  installedCliPlugins: readonly LoadedPlugin[];
  env?: Env;
}

const GLOBAL_FLAG_NAMES = new Set(HELM_GLOBAL_FLAGS.map((f) => f.name));

const noFileCompletion: CompletionFn = () => ({ completions: [], directive: Directive.NoFileComp });

/** The whole `helm` command tree for completion: this helm's commands and one command per cli/v1 plugin. */
export function buildCompletionTree(input: TreeInput): CompCommand {
  const env = input.env ?? process.env;
  const root = command({ name: 'helm', runnable: false, flags: [...GLOBAL_COMP_FLAGS] });
  addBuiltins(root, input.builtins);

  // Helm's compListPlugins: installed cli plugins not already on the command line; shortHelp as given.
  const listPlugins: CompletionFn = (_cmd, args) => ({
    completions: input.installedCliPlugins
      .filter((p) => !args.includes(p.metadata.name))
      .map((p) => `${p.metadata.name}\t${cliCommandConfig(p.metadata).shortHelp}`),
    directive: Directive.NoFileComp,
  });
  const plugin = root.commands.find((c) => c.name === 'plugin');
  if (plugin !== undefined) {
    for (const [name, aliases] of [
      ['uninstall', ['rm', 'remove']],
      ['update', ['up']],
    ] as const) {
      let sub = plugin.commands.find((c) => c.name === name);
      if (sub === undefined) {
        sub = command({ name, aliases: [...aliases], hidden: true });
        addCommand(plugin, sub);
      }
      sub.validArgsFunction = listPlugins;
    }
  }
  const help = root.commands.find((c) => c.name === 'help');
  if (help !== undefined) help.validArgsFunction = helpCompletion(root);
  const completion = root.commands.find((c) => c.name === 'completion');
  for (const shell of completion?.commands ?? []) shell.validArgsFunction = noFileCompletion;

  for (const cli of input.pluginCommands) addCommand(root, pluginCommand(cli, env));
  return root;
}

function addBuiltins(root: CompCommand, builtins: BuiltinCommands): void {
  const node = (path: string[]): CompCommand => {
    let at = root;
    for (let i = 0; i < path.length; i++) {
      const name = path[i] as string;
      let next = at.commands.find((c) => c.name === name);
      if (next === undefined) {
        const topic = builtins.topics[path.slice(0, i + 1).join(':')];
        next = command({
          name,
          runnable: false,
          short: firstLine(topic?.description),
          inheritedFlags: [...GLOBAL_COMP_FLAGS],
        });
        addCommand(at, next);
      }
      at = next;
    }
    return at;
  };
  for (const c of Object.values(builtins.commands)) {
    const path = c.id.split(':');
    const cmd = node(path);
    cmd.runnable = true;
    cmd.hidden = c.hidden === true;
    cmd.short = firstLine(c.summary ?? c.description);
    const parent = path.slice(0, -1).join(':');
    cmd.aliases = (c.aliases ?? [])
      .map((a) => a.split(':'))
      .filter((a) => a.slice(0, -1).join(':') === parent)
      .map((a) => a.at(-1) as string);
    // Helm's global flags are oclif base flags of every command: here they are inherited from the root, as in cobra.
    cmd.inheritedFlags = [...GLOBAL_COMP_FLAGS];
    cmd.flags = Object.values(c.flags ?? {})
      .filter((f) => f.hidden !== true && !GLOBAL_FLAG_NAMES.has(f.name))
      .flatMap((f): CompFlag[] => {
        const flag: CompFlag = {
          name: f.name,
          shorthand: f.char,
          usage: firstLine(f.summary ?? f.description),
          bool: f.type === 'boolean',
          repeatable: f.multiple === true,
        };
        return f.type === 'boolean' && f.allowNo
          ? [flag, { name: `no-${f.name}`, usage: flag.usage, bool: true }]
          : [flag];
      });
  }
}

function firstLine(s: string | undefined): string {
  return (s ?? '').split('\n')[0] ?? '';
}

/** cobra's help command completion: the sub-commands of the command named so far. */
function helpCompletion(root: CompCommand): CompletionFn {
  return async (_cmd, args, toComplete) => {
    const found = await find(root, args);
    if (found.error !== undefined) return { completions: [], directive: Directive.NoFileComp };
    const completions = [...found.cmd.commands]
      .filter((c) => !c.hidden && (c.runnable || c.commands.length > 0) && c.name.startsWith(toComplete))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((c) => `${c.name}\t${c.short}`);
    return { completions, directive: Directive.NoFileComp };
  };
}

/**
 * A plugin as a command (Helm's loadCLIPlugins + loadCompletionForPlugin): flag parsing disabled, Helm's global
 * flags inherited; its completion.yaml (read when the command is completed into) adds sub-commands, valid
 * args and flags, and `plugin.complete` completes the leaves.
 */
function pluginCommand(cli: CliCommand, env: Env): CompCommand {
  const meta = cli.plugin.metadata;
  const node = command({
    name: cli.name,
    short: cliShortHelp(meta),
    disableFlagParsing: true,
    inheritedFlags: [...GLOBAL_COMP_FLAGS],
  });
  node.expand = async () => {
    const spec = (await readCompletionSpec(cli.plugin.dir)) ?? {
      name: '',
      validArgs: [],
      flags: [],
      commands: undefined,
    };
    addPluginCommands(node, { ...spec, name: cliUsage(meta) }, dynamicCompletion(cli.plugin, env));
  };
  return node;
}

/** Helm's addPluginCommands: one level of completion.yaml onto a command, recursively. */
function addPluginCommands(cmd: CompCommand, spec: CompletionSpec, dynamic: CompletionFn): void {
  if (spec.name === '') return;
  const space = spec.name.indexOf(' ');
  cmd.name = space >= 0 ? spec.name.slice(0, space) : spec.name;
  cmd.validArgs = spec.validArgs;
  if (spec.commands === undefined) cmd.validArgsFunction = dynamic;
  cmd.flags = fakeFlags(spec.flags);
  for (const sub of spec.commands ?? []) {
    const child = command({ name: '', disableFlagParsing: true, inheritedFlags: [...GLOBAL_COMP_FLAGS] });
    addCommand(cmd, child);
    addPluginCommands(child, sub, dynamic);
  }
}

/**
 * completion.yaml's flags as boolean flags with no usage: one-letter names are shorthands, paired in order with
 * the long names; extra shorthands get a long flag of the same letter (Helm's pairing).
 */
function fakeFlags(names: readonly string[]): CompFlag[] {
  const shorts = names.filter((n) => n.length === 1);
  const longs = names.filter((n) => n.length !== 1);
  const flag = (name: string, shorthand?: string): CompFlag => ({ name, shorthand, usage: '', bool: true });
  if (longs.length >= shorts.length) return longs.map((l, i) => flag(l, shorts[i]));
  return shorts.map((s, i) => flag(longs[i] ?? s, s));
}

/** Helm's pluginDynamicComp: `plugin.complete <sub-command path> [<args> <toComplete>]` (subprocess plugins only). */
function dynamicCompletion(plugin: LoadedPlugin, env: Env): CompletionFn {
  return async (cmd, args, toComplete) => {
    if (plugin.metadata.runtime !== 'subprocess') return { completions: [], directive: Directive.Default };
    let split: ReturnType<typeof splitHelmArgs>;
    try {
      split = splitHelmArgs(args);
    } catch {
      return { completions: [], directive: Directive.Error };
    }
    const names: string[] = [];
    for (let c: CompCommand | undefined = cmd; c !== undefined; c = c.parent) names.unshift(c.name);
    const argv = names.slice(2);
    if (!cliCommandConfig(plugin.metadata).ignoreFlags) argv.push(...split.unknown, toComplete);
    const settings = loadSettings(env, split.known);
    const result = await runDynamicCompletion({
      dir: plugin.dir,
      name: plugin.metadata.name,
      argv,
      env: { ...definedOnly(env), ...helmEnvVars(settings, helmBin()) },
    });
    return result ?? { completions: [], directive: Directive.Default };
  };
}

function definedOnly(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
