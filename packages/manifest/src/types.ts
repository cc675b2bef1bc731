/** One problem found in a plugin.yaml. `path` is the field path, e.g. ["config", "protocols", 0]. */
export interface ManifestIssue {
  code: string;
  message: string;
  path: (string | number)[];
}

/** The version-independent form of a plugin's metadata (Helm's `Metadata`), for both on-disk formats. */
export interface PluginMetadata {
  /** `v1`, or `legacy` for a Helm 3 plugin.yaml without apiVersion. */
  apiVersion: 'v1' | 'legacy';
  name: string;
  /** The canonical (shipped, short) type name, e.g. `cli/v1`, even when plugin.yaml used an alias. */
  type: string;
  runtime: string;
  version: string;
  sourceURL: string;
  /** The type's config, as normalised by the plugin-type package. */
  config: Record<string, unknown>;
  /** The runtime's config, as normalised by the runtime package. */
  runtimeConfig: Record<string, unknown>;
}

export interface LoadedPlugin {
  /** Absolute directory of the plugin, as found (symlinks not resolved). */
  dir: string;
  metadata: PluginMetadata;
}

/** A plugin directory that could not be used, with every reason. It never hides the other plugins. */
export interface QuarantinedPlugin {
  dir: string;
  /** Whatever could be read of the metadata, for display. */
  name?: string;
  version?: string;
  type?: string;
  apiVersion?: string;
  issues: ManifestIssue[];
}

export interface LoadResult {
  plugins: LoadedPlugin[];
  quarantined: QuarantinedPlugin[];
}

/** Filter for finding plugins (Helm's `Descriptor`); an absent or empty field means "any". */
export interface PluginDescriptor {
  name?: string;
  type?: string;
}

/** What could be read of a plugin.yaml even when it is invalid (for display of quarantined plugins). */
export interface ManifestPartial {
  name?: string;
  version?: string;
  type?: string;
  apiVersion?: string;
}

export interface ParseManifestResult {
  /** Present exactly when `issues` is empty. */
  metadata?: PluginMetadata;
  /** Every problem of the file, each with a stable code and a field path. */
  issues: ManifestIssue[];
  partial: ManifestPartial;
}
