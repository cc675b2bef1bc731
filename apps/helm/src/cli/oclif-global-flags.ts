import { Flags } from '@oclif/core';
import type { FlagInput } from '@oclif/core/interfaces';
import { HELM_GLOBAL_FLAGS } from './global-flags.js';

/**
 * Helm's global flags as oclif base flags of every command (help group GLOBAL). They are parsed as strings
 * and converted and checked by `globalOverrides` with Helm's messages; `--kube-as-group` repeats; the two
 * booleans also take Go's `--flag=false` (turned into `--no-flag` by `normalizeGlobalArgv`).
 */
export const HELM_GLOBAL_OCLIF_FLAGS: FlagInput = Object.fromEntries(
  HELM_GLOBAL_FLAGS.map((f) => {
    const common = { description: f.usage, helpGroup: 'GLOBAL' } as const;
    if (f.bool === true) return [f.name, Flags.boolean({ ...common, allowNo: true })];
    if (f.array === true) return [f.name, Flags.string({ ...common, multiple: true, multipleNonGreedy: true })];
    return [f.name, Flags.string({ ...common, ...(f.shorthand === undefined ? {} : { char: f.shorthand as 'n' }) })];
  }),
);
