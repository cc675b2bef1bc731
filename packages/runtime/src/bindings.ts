import type { Readable, Writable } from 'node:stream';
import type { PlatformCommand, SubprocessRuntimeConfig } from '@helm4/manifest';
import type { InvokeInput, InvokeOutput } from './runtime.js';

/*
 * How a plugin type runs on each runtime. A plugin-type package provides its binding (`@helm4/plugin-type-<x>/
 * runtime`), a host gives the runtimes the bindings of the types it knows, and a runtime knows no type itself:
 * a new plugin type is a new package.
 */

/** Something wrong in an input message: where (`['options', 'CertFile']`) and what. */
export interface MessageIssue {
  path: string[];
  message: string;
}

/** How the extism/v1 runtime carries a type's messages. */
export interface WasmMessageBinding {
  /** The type's output message made of the JSON the guest returned, or why that JSON is not one. */
  output(json: unknown): { message: unknown } | { invalid: string };
  /** The output of a guest that ended with `proc_exit(0)` before setting one; absent: that is an invalid output. */
  outputOnExit?: unknown;
}

/** A process a subprocess plugin runs (Go's exec.Cmd), with what goes in and out of it. */
export interface SubprocessSpec {
  main: string;
  args: readonly string[];
  env: Readonly<Record<string, string>>;
  /** A stream to pipe in, bytes to write, or the parent's / nothing. */
  stdin: { stream: Readable } | { data: string } | 'inherit' | 'ignore';
  /** A stream to pipe to (not ended), captured (the result), or the parent's. */
  stdout: { stream: Writable } | 'capture' | 'inherit';
  /** A stream to pipe to (not ended), captured for the error message (tail only), or the parent's. */
  stderr: { stream: Writable } | 'tail' | 'inherit';
  signal?: AbortSignal | undefined;
}

/** What the subprocess runtime gives a type's binding for one invocation. */
export interface SubprocessCall {
  readonly plugin: { readonly name: string; readonly dir: string };
  /** The plugin's runtimeConfig, normalised. */
  readonly config: SubprocessRuntimeConfig;
  /** Helm's child environment: the process's, then `env`, then HELM_PLUGIN_NAME / HELM_PLUGIN_DIR, then `extra`. */
  env(env: InvokeInput['env'], extra?: Readonly<Record<string, string>>): Record<string, string>;
  /**
   * Helm's PrepareCommands for this OS and architecture: `main` expanded with `env`, the other parts and the args
   * too when `expandArgs`, then `extraArgs` as they are. Throws RUNTIME_NO_COMMAND when no entry applies.
   */
  command(
    commands: readonly PlatformCommand[],
    expandArgs: boolean,
    extraArgs: readonly string[],
    env: Readonly<Record<string, string>>,
  ): { main: string; args: string[] };
  /** Runs the process to completion: the captured stdout (empty unless captured), or a RUNTIME_* error. */
  run(spec: SubprocessSpec): Promise<Buffer>;
}

/** How the subprocess runtime runs a type's plugin. */
export interface SubprocessBinding<M = unknown> {
  invoke(call: SubprocessCall, message: M, input: InvokeInput): Promise<InvokeOutput>;
}

/** A plugin type as the runtimes see it. */
export interface PluginTypeBinding<M = unknown> {
  /** `cli/v1`, `getter/v1`, … */
  readonly type: string;
  /**
   * The input message as the plugin receives it (what Go would decode into Helm's struct: a missing list is empty,
   * missing options are zero values), or issues, which fail the invocation with RUNTIME_INVALID_MESSAGE.
   */
  readInput(message: Record<string, unknown>, issues: MessageIssue[]): M;
  wasm?: WasmMessageBinding;
  subprocess?: SubprocessBinding<M>;
}
