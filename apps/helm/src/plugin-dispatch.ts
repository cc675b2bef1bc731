import { Helm4Error } from '@helm4/errors';
import { type CliCommand, cliCommandConfig, cliInputMessage, splitHelmArgs } from '@helm4/plugin-type-cli/host';
import { type Env, helmEnvVars, loadSettings } from '@helm4/settings';
import { HELM_BUILTIN_ALIASES, HELM_BUILTIN_COMMANDS } from './cli/builtins.js';
import { helmBin } from './env.js';
import { discoverPluginCommands } from './plugin-commands.js';
import { cliStdio, createPluginInstance, withRuntimes } from './runtimes.js';

/**
 * Runs a cli/v1 plugin as `helm <name> <args>` (Helm's plugin command RunE): the global flags among the
 * arguments (`-n`, `--kube-context`, …) are consumed and reflected in the HELM_* environment, the rest reach the
 * plugin (none with `ignoreFlags`); stdio are inherited. A non-zero exit is RUNTIME_EXIT with `details.exitCode`.
 */
export async function runCliPlugin(
  command: CliCommand,
  args: readonly string[],
  env: Env = process.env,
): Promise<void> {
  const { known, unknown } = splitHelmArgs(args);
  const settings = loadSettings(env, known);
  const { ignoreFlags } = cliCommandConfig(command.plugin.metadata);
  await withRuntimes(async () => {
    const instance = await createPluginInstance(command.plugin);
    await instance.invoke({
      message: cliInputMessage(unknown, ignoreFlags),
      env: helmEnvVars(settings, helmBin()),
      ...cliStdio(command.plugin),
    });
  });
}

/**
 * `helm <word> …` where `<word>` is not a command of this helm: the plugin that owns `<word>`, or a coded error
 * (a Helm command this helm does not implement, or an unknown command). `argv` minus the word is what the
 * plugin gets, so global flags may come before the plugin name, as with cobra.
 */
export async function dispatchToPlugin(argv: readonly string[], word: { word: string; index: number }): Promise<void> {
  const commands = await discoverPluginCommands(loadSettings(process.env));
  const command = commands.commands.find((c) => c.name === word.word);
  if (command === undefined) throw unknownCommand(word.word);
  await runCliPlugin(command, [...argv.slice(0, word.index), ...argv.slice(word.index + 1)]);
}

function unknownCommand(word: string): Helm4Error {
  const helm = (HELM_BUILTIN_COMMANDS as readonly string[]).includes(word) || HELM_BUILTIN_ALIASES.includes(word);
  if (helm) {
    return new Helm4Error('CLI_NOT_IMPLEMENTED', `"helm ${word}" is a Helm command that this helm does not implement`, {
      hint: "this helm implements Helm 4's plugin system; use Helm itself for charts and releases",
      details: { command: word },
    });
  }
  return new Helm4Error('CLI_UNKNOWN_COMMAND', `unknown command ${JSON.stringify(word)} for "helm"`, {
    hint: "Run 'helm --help' for usage (installed plugins are listed there; HELM_NO_PLUGINS=1 hides them).",
    details: { command: word },
  });
}
