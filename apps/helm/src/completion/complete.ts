import { type Env, loadSettings } from '@helm4/settings';
import { discoverPluginCommands, type PluginCommands } from '../plugin-commands.js';
import { getCompletions, renderCompletion } from './cobra.js';
import { buildCompletionTree, readBuiltinCommands } from './tree.js';

// Go's strconv.ParseBool.
const parseBool = (v: string | undefined): boolean | undefined =>
  v === undefined
    ? undefined
    : /^(1|t|T|TRUE|true|True)$/.test(v)
      ? true
      : /^(0|f|F|FALSE|false|False)$/.test(v)
        ? false
        : undefined;

export interface CompleteOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * `helm __complete <args…> <toComplete>` (and `__completeNoDesc`): cobra's completion request, which the shell
 * scripts of `helm completion` send on every TAB. Answered without oclif.
 */
export async function completeRequest(argv: readonly string[], env: Env = process.env): Promise<CompleteOutput> {
  const args = argv.slice(1);
  if (args.length === 0) {
    return { stdout: '', stderr: 'Error: requires at least 1 arg(s), only received 0\n', exitCode: 1 };
  }
  const settings = loadSettings(env);
  let plugins: PluginCommands = { commands: [], conflicts: [], broken: [], plugins: [] };
  let installed = plugins;
  try {
    installed = await discoverPluginCommands({ ...settings, noPlugins: false });
    if (!settings.noPlugins) plugins = installed;
  } catch {
    // Completion never fails because of plugins: without them it still completes the built-in commands.
  }
  const root = buildCompletionTree({
    builtins: readBuiltinCommands(),
    pluginCommands: plugins.commands,
    installedCliPlugins: installed.plugins,
    env,
  });
  const outcome = await getCompletions(root, args);
  const descriptions = parseBool(env['HELM_COMPLETION_DESCRIPTIONS'] || env['COBRA_COMPLETION_DESCRIPTIONS']);
  const activeHelp = env['COBRA_ACTIVE_HELP'] === '0' ? '0' : env['HELM_ACTIVE_HELP'];
  const { stdout, stderr } = renderCompletion(outcome, {
    noDescriptions: argv[0] === '__completeNoDesc' || descriptions === false,
    noActiveHelp: activeHelp === '0',
  });
  return { stdout, stderr, exitCode: 0 };
}

export async function complete(argv: readonly string[]): Promise<void> {
  const out = await completeRequest(argv);
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  process.exitCode = out.exitCode;
}
