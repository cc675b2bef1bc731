import { isOurCommand } from './cli/builtins.js';
import { locateCommandWord } from './cli/global-flags.js';
import { errorJson, exitCodeFor, formatError } from './errors.js';
import { parseFastPluginList, parseFastVersion } from './fast-path.js';

/**
 * The entry point. Four paths run before oclif is imported (oclif alone costs about as much as starting node):
 * shell completion requests (`__complete`), plain `helm plugin list` (each `-o` format), plain `helm version`
 * (plugins ask it to tell Helm 3 from 4), and plugin commands
 * (`helm <plugin> …`), which must not pay for oclif, yaml or zod when the plugin index cache is warm. Everything
 * else is oclif's.
 */
export async function main(argv: string[]): Promise<void> {
  if (argv[0] === '__complete' || argv[0] === '__completeNoDesc') {
    const { complete } = await import('./completion/complete.js');
    await complete(argv);
    return;
  }
  // HELM4_NO_FAST_PATH=1 sends plugin list through oclif (tests compare both paths).
  const listFlags = process.env['HELM4_NO_FAST_PATH'] === '1' ? undefined : parseFastPluginList(argv);
  if (listFlags !== undefined) {
    try {
      const { printPluginList, runPluginList } = await import('./plugin-list.js');
      printPluginList(await runPluginList(listFlags), listFlags);
    } catch (err) {
      if (listFlags.json) process.stdout.write(`${JSON.stringify(errorJson(err), null, 2)}\n`);
      else process.stderr.write(formatError(err));
      process.exitCode = exitCodeFor(err);
    }
    return;
  }
  const versionFlags = process.env['HELM4_NO_FAST_PATH'] === '1' ? undefined : parseFastVersion(argv);
  if (versionFlags !== undefined) {
    (await import('./version.js')).printVersion(versionFlags);
    return;
  }
  const word = locateCommandWord(argv);
  if (word !== undefined && !isOurCommand(word.word)) {
    try {
      const { dispatchToPlugin } = await import('./plugin-dispatch.js');
      await dispatchToPlugin(argv, word);
    } catch (err) {
      process.stderr.write(formatError(err));
      process.exitCode = exitCodeFor(err);
    }
    return;
  }
  const { runOclif } = await import('./oclif-run.js');
  await runOclif(argv);
}
