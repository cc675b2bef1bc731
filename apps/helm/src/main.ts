import { errorJson, exitCodeFor, formatError } from './errors.js';
import { parseFastPluginList } from './fast-path.js';

export async function main(argv: string[]): Promise<void> {
  // HELM4_NO_FAST_PATH=1 sends everything through oclif (tests compare both paths).
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
  const { execute } = await import('@oclif/core');
  await execute({ args: argv, dir: import.meta.url });
}
