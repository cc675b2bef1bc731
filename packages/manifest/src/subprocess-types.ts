/*
 * The normalised `runtimeConfig` of the `subprocess` runtime: the contract between this package (which builds
 * it directly for legacy plugin.yaml files) and the subprocess runtime package (which decodes it for v1).
 * Type aliases rather than interfaces, so a value is assignable to PluginMetadata's Record<string, unknown>.
 */

/** Helm's PlatformCommand (`os`, `arch`: Go GOOS/GOARCH names; empty = any). */
export type PlatformCommand = {
  os: string;
  arch: string;
  command: string;
  args: string[];
};

/** A getter's per-protocol command (Helm's SubprocessProtocolCommand). */
export type SubprocessProtocolCommand = {
  protocols: string[];
  platformCommand: PlatformCommand[];
};

export type SubprocessRuntimeConfig = {
  platformCommand: PlatformCommand[];
  /** Event (`install`, `update`, `delete`) → candidate commands. */
  platformHooks: Record<string, PlatformCommand[]>;
  protocolCommands: SubprocessProtocolCommand[];
  /** Expand `$VARS` in hook args (true for legacy `platformHooks`; false for legacy `hooks` and for v1). */
  expandHookArgs: boolean;
};
