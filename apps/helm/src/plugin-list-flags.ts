/** What `helm plugin list` was asked for; shared by the fast path (no imports here) and the oclif command. */
export interface PluginListFlags {
  type?: string | undefined;
  /** `--json` or `-o json`. */
  json?: boolean | undefined;
  /** `-o wide`: Helm's columns plus HIP-0026's SIGNED and SOURCE_URL. */
  wide?: boolean | undefined;
}

/** `-o/--output` values of `helm plugin list`: `table` (Helm's), `wide`, `json` (the same as `--json`). */
export const PLUGIN_LIST_OUTPUTS = ['table', 'wide', 'json'] as const;
export type PluginListOutput = (typeof PLUGIN_LIST_OUTPUTS)[number];

export function isPluginListOutput(value: string): value is PluginListOutput {
  return (PLUGIN_LIST_OUTPUTS as readonly string[]).includes(value);
}

/** Sets the flags an `-o/--output` value stands for. */
export function applyOutput(flags: PluginListFlags, output: PluginListOutput): void {
  flags.json = flags.json === true || output === 'json';
  flags.wide = output === 'wide';
}
