import type { Readable, Writable } from 'node:stream';
import type { LoadedPlugin, PluginMetadata } from '@helm4/manifest';

/** Lifecycle hooks (subprocess runtime only, as in Helm). */
export type HookEvent = 'install' | 'update' | 'delete';

/**
 * Helm's `plugin.Input`: a typed message plus, where the plugin type allows, stdio and environment.
 *
 * What each plugin type sends (the plugin-type packages hold the schemas):
 * - `cli/v1`: `{extraArgs: string[]}`; stdio are the plugin's own (subprocess: the parent's when absent).
 * - `postrenderer/v1`: `{manifests: string, extraArgs: string[]}`; stdio are not used (the runtime feeds the
 *   manifests to the plugin and captures what it returns).
 * - `getter/v1`: `{href, protocol, options}` with Helm's Go field names in `options`; stdout and stdin are not
 *   used, `stderr` receives the plugin's diagnostics (subprocess: the parent's stderr when absent).
 */
export interface InvokeInput<M = unknown> {
  /** The plugin type's input message, e.g. `{extraArgs}` for cli/v1 (see the plugin-type packages). */
  message: M;
  /**
   * Environment for the plugin ("KEY" → "value"). The subprocess runtime lays it over `process.env` and adds
   * HELM_PLUGIN_NAME / HELM_PLUGIN_DIR; the Wasm runtime gives the guest exactly these entries.
   */
  env?: Readonly<Record<string, string>>;
  /** cli/v1: the plugin's stdio. Absent streams are the parent's (subprocess) or not connected (Wasm). */
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
  /** Aborts the invocation (the subprocess is killed, the Wasm call interrupted): RUNTIME_ABORTED. */
  signal?: AbortSignal;
}

/**
 * Helm's `plugin.Output`: the plugin type's output message: `{}` for cli/v1, `{manifests: string}` for
 * postrenderer/v1, `{data: <standard base64>}` for getter/v1.
 */
export interface InvokeOutput<M = unknown> {
  message: M;
}

/**
 * Options of a hook run. There is deliberately no `env`: Helm runs hooks with its own environment plus
 * HELM_PLUGIN_NAME / HELM_PLUGIN_DIR only, never the HELM_* settings environment.
 */
export interface HookOptions {
  /** Where the hook's output goes; the parent's stdout / stderr when absent. */
  stdout?: Writable;
  stderr?: Writable;
  /** Aborts the hook (its process is killed): RUNTIME_ABORTED. */
  signal?: AbortSignal;
}

/** A loaded plugin bound to its runtime, ready to invoke. */
export interface PluginInstance {
  readonly dir: string;
  readonly metadata: PluginMetadata;
  /**
   * Runs the plugin once. Failures are Helm4Errors with RUNTIME_* codes (docs/errors.md); a non-zero exit is
   * RUNTIME_EXIT with `details.exitCode`. An instance may be invoked any number of times, concurrently.
   */
  invoke<I = unknown, O = unknown>(input: InvokeInput<I>): Promise<InvokeOutput<O>>;
  /** Runs a lifecycle hook; resolves at once when the plugin (or its runtime) has none. */
  invokeHook(event: HookEvent, options?: HookOptions): Promise<void>;
}

/** A runtime (`subprocess`, `extism/v1`): turns a loaded plugin into something the host can invoke. */
export interface Runtime {
  /** The `runtime:` value of plugin.yaml this runtime serves. */
  readonly name: string;
  /** Fails with RUNTIME_MISMATCH for a plugin of another runtime, RUNTIME_INVALID_CONFIG for a bad runtimeConfig. */
  createPlugin(plugin: LoadedPlugin): Promise<PluginInstance>;
}
