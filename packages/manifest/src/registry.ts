import type { ManifestIssue } from './types.js';

/** The result of decoding one config section: a normalised value, or the issues that prevented it. */
export interface ConfigParseResult {
  value?: Record<string, unknown>;
  issues: ManifestIssue[];
}

/**
 * A plugin type (one package each: @helm4/plugin-type-cli, …). The manifest package knows none of them;
 * the host passes them in a registry, so a new type is a new package.
 */
export interface PluginTypeDefinition {
  /** Canonical name as Helm 4 ships it, e.g. `getter/v1`. */
  readonly type: string;
  /** Other names that load as this type (HIP-0026 long names such as `download.plugins.helm.sh/v1`). */
  readonly aliases?: readonly string[];
  /**
   * Decodes `config` strictly (unknown keys are issues). `raw` is the YAML value with every scalar still a
   * string (failsafe schema), or undefined when the key is absent; decode it the way Go's yaml.v3 decodes into
   * the type's struct. Issue paths are relative to `config`.
   */
  parseConfig(raw: unknown): ConfigParseResult;
}

/** A runtime (`subprocess`, `extism/v1`). Its `runtimeConfig` is decoded non-strictly (unknown keys ignored). */
export interface RuntimeDefinition {
  readonly name: string;
  /** Same conventions as PluginTypeDefinition.parseConfig; issue paths relative to `runtimeConfig`. */
  parseRuntimeConfig(raw: unknown): ConfigParseResult;
}

export interface PluginRegistry {
  /** Identifies the registry's contents and versions; part of the plugin index cache key. */
  readonly fingerprint: string;
  /** Looks a type up by canonical name or alias. */
  type(name: string): PluginTypeDefinition | undefined;
  runtime(name: string): RuntimeDefinition | undefined;
  typeNames(): string[];
  runtimeNames(): string[];
}

export function createRegistry(input: {
  types: readonly PluginTypeDefinition[];
  runtimes: readonly RuntimeDefinition[];
  /** Extra identity (e.g. package versions) so a cache built by another version is not reused. */
  version?: string;
}): PluginRegistry {
  const types = new Map<string, PluginTypeDefinition>();
  for (const t of input.types) {
    types.set(t.type, t);
    for (const alias of t.aliases ?? []) types.set(alias, t);
  }
  const runtimes = new Map(input.runtimes.map((r) => [r.name, r] as const));
  const fingerprint = [
    input.version ?? '',
    [...types.keys()].sort().join(','),
    [...runtimes.keys()].sort().join(','),
  ].join('|');
  return {
    fingerprint,
    type: (name) => types.get(name),
    runtime: (name) => runtimes.get(name),
    typeNames: () => input.types.map((t) => t.type),
    runtimeNames: () => [...runtimes.keys()],
  };
}
