import type { Readable, Writable } from 'node:stream';
import type { LoadedPlugin, PluginMetadata } from '@helm4/manifest';

/** Lifecycle hooks (subprocess runtime only, as in Helm). */
export type HookEvent = 'install' | 'update' | 'delete';

/** Helm's `plugin.Input`: a typed message plus, where the plugin type allows, stdio and environment. */
export interface InvokeInput<M = unknown> {
  /** The plugin type's input message, e.g. `{extraArgs}` for cli/v1 (see the plugin-type packages). */
  message: M;
  /**
   * Environment for the plugin ("KEY" → "value"). The subprocess runtime lays it over `process.env` and adds
   * HELM_PLUGIN_NAME / HELM_PLUGIN_DIR; the Wasm runtime gives the guest exactly these entries.
   */
  env?: Readonly<Record<string, string>>;
  /** cli/v1 only: the plugin's stdio. Absent streams are not connected (subprocess: inherited for cli). */
  stdin?: Readable;
  stdout?: Writable;
  stderr?: Writable;
  /** Aborts the invocation (the subprocess is killed, the Wasm call interrupted). */
  signal?: AbortSignal;
}

/** Helm's `plugin.Output`: the plugin type's output message, e.g. `{manifests}` for postrenderer/v1. */
export interface InvokeOutput<M = unknown> {
  message: M;
}

export interface HookOptions {
  env?: Readonly<Record<string, string>>;
  stdout?: Writable;
  stderr?: Writable;
}

/** A loaded plugin bound to its runtime, ready to invoke. */
export interface PluginInstance {
  readonly dir: string;
  readonly metadata: PluginMetadata;
  /**
   * Runs the plugin once. Failures are Helm4Errors with RUNTIME_* codes; a non-zero exit is RUNTIME_EXIT with
   * `details.exitCode`.
   */
  invoke<I = unknown, O = unknown>(input: InvokeInput<I>): Promise<InvokeOutput<O>>;
  /** Runs a lifecycle hook; resolves at once when the plugin (or its runtime) has none. */
  invokeHook(event: HookEvent, options?: HookOptions): Promise<void>;
}

/** A runtime (`subprocess`, `extism/v1`): turns a loaded plugin into something the host can invoke. */
export interface Runtime {
  readonly name: string;
  createPlugin(plugin: LoadedPlugin): Promise<PluginInstance>;
}
