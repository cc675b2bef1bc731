/**
 * The error codes every runtime raises from `invoke` / `invokeHook` (listed in docs/errors.md). Both runtimes
 * use these so a host handles a subprocess and a Wasm plugin alike.
 */
export const RUNTIME_CODES = {
  /** No platformCommand entry applies to this OS/arch, or its command is empty (Helm: `no plugin command is applicable`). */
  noCommand: 'RUNTIME_NO_COMMAND',
  /** getter/v1 over subprocess: no protocolCommands entry lists the protocol. */
  noDownloader: 'RUNTIME_NO_DOWNLOADER',
  /** The plugin exited with a non-zero code (`details.exitCode`). */
  exit: 'RUNTIME_EXIT',
  /** The plugin was killed by a signal (`details.signal`, `details.exitCode` = 128 + signal number). */
  signaled: 'RUNTIME_SIGNALED',
  /** The plugin could not be started (missing or non-executable command). */
  execFailed: 'RUNTIME_EXEC_FAILED',
  /** Output the runtime captures exceeded its limit; the plugin was stopped. */
  outputTooLarge: 'RUNTIME_OUTPUT_TOO_LARGE',
  /** A lifecycle hook failed. */
  hookFailed: 'RUNTIME_HOOK_FAILED',
  /** The runtime cannot invoke plugins of this type. */
  unsupportedType: 'RUNTIME_UNSUPPORTED_TYPE',
  /** The input message does not match the plugin type's schema. */
  invalidMessage: 'RUNTIME_INVALID_MESSAGE',
  /** The invocation was aborted through its AbortSignal. */
  aborted: 'RUNTIME_ABORTED',
  /** createPlugin: the plugin's `runtime` is not this runtime. */
  mismatch: 'RUNTIME_MISMATCH',
  /** createPlugin: the plugin's runtimeConfig cannot be used. */
  invalidConfig: 'RUNTIME_INVALID_CONFIG',
} as const;

export type RuntimeCode = (typeof RUNTIME_CODES)[keyof typeof RUNTIME_CODES];
