import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isOurCommand } from './cli/builtins.js';
import { locateCommandWord } from './cli/global-flags.js';

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
  // HELM4_NO_FAST_PATH=1 sends plugin list through oclif (tests compare both paths). Both fast paths start with
  // their command word: other commands do not load their parsers.
  const fast =
    process.env['HELM4_NO_FAST_PATH'] === '1' || (argv[0] !== 'plugin' && argv[0] !== 'version')
      ? undefined
      : await import('./fast-path.js');
  const listFlags = fast?.parseFastPluginList(argv);
  if (listFlags !== undefined) {
    try {
      const { printPluginList, runPluginList } = await import('./plugin-list.js');
      printPluginList(await runPluginList(listFlags), listFlags);
    } catch (err) {
      const { errorJson, exitCodeFor, formatError } = await import('./errors.js');
      if (listFlags.json) process.stdout.write(`${JSON.stringify(errorJson(err), null, 2)}\n`);
      else process.stderr.write(formatError(err));
      process.exitCode = exitCodeFor(err);
    }
    return;
  }
  const versionFlags = fast?.parseFastVersion(argv);
  if (versionFlags !== undefined) {
    (await import('./version.js')).printVersion(versionFlags);
    return;
  }
  const word = locateCommandWord(argv);
  if (word !== undefined && !isOurCommand(word.word)) {
    try {
      await prepareWasmRuntimeIfWasmPlugin(word.word);
      const { dispatchToPlugin } = await load<typeof import('./plugin-dispatch.js')>('./plugin-dispatch.js');
      await dispatchToPlugin(argv, word);
    } catch (err) {
      const { exitCodeFor, formatError } = await import('./errors.js');
      process.stderr.write(formatError(err));
      process.exitCode = exitCodeFor(err);
    }
    // The plugin has run and its output is written (a Wasm guest's before its call returns): end now rather than
    // wait for the idle guest worker to be stopped and the heaps to be torn down.
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit();
  }
  const { runOclif } = await import('./oclif-run.js');
  await runOclif(argv);
}

/**
 * When the plugin index cache says `helm <word>` is an extism/v1 cli plugin, loads the Wasm runtime before the
 * dispatch code, and, for a plugin whose calls run in a guest worker (one that makes HTTP requests or calls host
 * functions; the others run on this thread), starts the worker thread now: it takes ~75 ms to boot with Node 20
 * on 2 cores, longer than finding and loading the plugin. The check loads three small modules. A guess from the
 * cache file as it is (dispatch checks it): a wrong one costs an idle thread, which never holds the process, or a
 * thread started later. Any other command pays one small file read; a failure here is left to dispatch.
 */
async function prepareWasmRuntimeIfWasmPlugin(word: string): Promise<void> {
  if (process.env['HELM_NO_PLUGINS'] === '1') return;
  try {
    const { helmHomes } = await load<typeof import('@helm4/settings/homes')>('@helm4/settings/homes');
    // The plugin index cache (pluginIndexFile in plugin-commands.ts), as @helm4/manifest/loader writes it.
    const index = JSON.parse(readFileSync(join(helmHomes(process.env).cacheHome, 'plugin-index.json'), 'utf8')) as {
      entries?: Record<string, { result?: { metadata?: IndexedMetadata } } | null>;
    } | null;
    const { cliCommandName } = await load<typeof import('@helm4/plugin-type-cli/command')>(
      '@helm4/plugin-type-cli/command',
    );
    const plugin = Object.values(index?.entries ?? {})
      .map((entry) => entry?.result?.metadata)
      .find((m) => {
        if (m?.type !== 'cli/v1' || m.runtime !== 'extism/v1' || typeof m.name !== 'string') return false;
        return cliCommandName({ name: m.name, config: m.config ?? {} }) === word;
      });
    if (plugin === undefined) return;
    // A guest that needs helm while it runs (HTTP, host functions) runs in a worker; most run on this thread.
    const rc = plugin.runtimeConfig;
    if ((rc?.allowedHosts?.length ?? 0) > 0 || (rc?.hostFunctions?.length ?? 0) > 0) {
      const { warmGuestWorker } = await load<typeof import('@helm4/wasm-runtime/warm')>('@helm4/wasm-runtime/warm');
      warmGuestWorker();
    }
    await load('@helm4/wasm-runtime/runtime');
  } catch {
    // No cache yet, or an unreadable one: dispatch finds the plugin and starts the worker itself.
  }
}

interface IndexedMetadata {
  name?: unknown;
  type?: unknown;
  runtime?: unknown;
  config?: Record<string, unknown> | null;
  runtimeConfig?: { allowedHosts?: unknown[]; hostFunctions?: unknown[] } | null;
}

let requireModule: NodeJS.Require | undefined;
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
/**
 * Node requires ES modules without an experimental warning: 20.19+, 22.13+, 23.5+ (unless turned off). bin/run.js
 * has the same rule.
 */
const requireEsm =
  (process.features as { require_module?: boolean }).require_module === true &&
  (major === 20 || (major === 22 && minor >= 13) || (major === 23 && minor >= 5) || major >= 24);

/**
 * Imports a module of the plugin path, synchronously where Node requires ES modules: a module graph is then read
 * and linked without the async loader's round trips through the thread pool for each file (~50 modules on this
 * path; 5-10 ms less for `helm <wasm plugin>` on 2 cores). import() elsewhere, or for top-level await.
 */
async function load<T>(specifier: string): Promise<T> {
  if (requireEsm) {
    try {
      requireModule ??= createRequire(import.meta.url);
      return requireModule(specifier) as T;
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (code !== 'ERR_REQUIRE_ASYNC_MODULE' && code !== 'ERR_REQUIRE_CYCLE_MODULE') throw err;
    }
  }
  return (await import(specifier)) as T;
}

/** Resolves once everything written to `stream` so far has been handed to the OS (at once for a closed stream). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write('', () => resolve());
  });
}
