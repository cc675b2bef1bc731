import type { PluginListFlags } from './plugin-list.js';

/**
 * `helm plugin list` is answered before oclif is imported (oclif alone costs ~2x `node -e 0` on start-up).
 * Only the plain shapes are taken here; anything else (help, unknown flags) goes to oclif, which calls the
 * same functions.
 */
export function parseFastPluginList(argv: readonly string[]): PluginListFlags | undefined {
  if (argv[0] !== 'plugin' || (argv[1] !== 'list' && argv[1] !== 'ls')) return undefined;
  const flags: PluginListFlags = {};
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') flags.json = true;
    else if (arg.startsWith('--type=')) flags.type = arg.slice('--type='.length);
    else if (arg === '--type' && i + 1 < argv.length && !(argv[i + 1] ?? '').startsWith('-')) flags.type = argv[++i];
    else return undefined;
  }
  return flags;
}
