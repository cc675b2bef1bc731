import { applyOutput, isPluginListOutput, type PluginListFlags, type PluginListOutput } from './plugin-list-flags.js';

/**
 * `helm plugin list` is answered before oclif is imported (oclif alone costs ~2x `node -e 0` on start-up).
 * Only the plain shapes are taken here (`--type`, `--json`, `-o/--output table|wide|json`); anything else (help,
 * unknown flags or values) goes to oclif, which calls the same functions and reports the error.
 */
export function parseFastPluginList(argv: readonly string[]): PluginListFlags | undefined {
  if (argv[0] !== 'plugin' || (argv[1] !== 'list' && argv[1] !== 'ls')) return undefined;
  const flags: PluginListFlags = {};
  let output: string | undefined;
  const takesValue = (i: number) => i + 1 < argv.length && !(argv[i + 1] ?? '').startsWith('-');
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') flags.json = true;
    else if (arg.startsWith('--type=')) flags.type = arg.slice('--type='.length);
    else if (arg === '--type' && takesValue(i)) flags.type = argv[++i];
    else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if ((arg === '--output' || arg === '-o') && takesValue(i)) output = argv[++i];
    else if (arg.startsWith('-o') && arg.length > 2 && arg[2] !== '=') output = arg.slice(2);
    else return undefined;
  }
  if (output !== undefined) {
    if (!isPluginListOutput(output)) return undefined;
    applyOutput(flags, output satisfies PluginListOutput);
  }
  return flags;
}

/** What `helm version` was asked for (`--template` wins over `--short`, as in Helm). */
export interface VersionFlags {
  short: boolean;
  template: string | undefined;
}

/**
 * `helm version` is answered before oclif is imported too: plugins run `$HELM_BIN version --short` or
 * `--template` to tell Helm 3 from 4, often on every call. Only `--short`, `--template T`/`--template=T` and
 * Helm 3's `-c`/`--client` are taken here; anything else (help, global flags, errors) goes to oclif.
 */
export function parseFastVersion(argv: readonly string[]): VersionFlags | undefined {
  if (argv[0] !== 'version') return undefined;
  const flags: VersionFlags = { short: false, template: undefined };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--short') flags.short = true;
    else if (arg === '-c' || arg === '--client') continue;
    else if (arg.startsWith('--template=')) flags.template = arg.slice('--template='.length);
    else if (arg === '--template' && i + 1 < argv.length) flags.template = argv[++i];
    else return undefined;
  }
  return flags;
}
