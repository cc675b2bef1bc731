/**
 * Error codes of the extism/v1 runtime, beyond the RUNTIME_CODES every runtime shares (@helm4/runtime: RUNTIME_EXIT,
 * RUNTIME_ABORTED, RUNTIME_INVALID_MESSAGE, …). All are listed in docs/errors.md.
 */
export const WASM_CODES = {
  /** createPlugin: `<plugin dir>/plugin.wasm` is missing or unreadable (Helm: `wasm binary missing`). */
  wasmMissing: 'RUNTIME_WASM_MISSING',
  /** createPlugin: plugin.wasm is not a valid Wasm module. */
  wasmInvalid: 'RUNTIME_WASM_INVALID',
  /** createPlugin: the module imports something the runtime does not provide (unknown function, WASI when disabled, a memory). */
  wasmLink: 'RUNTIME_WASM_LINK',
  /** createPlugin: the module does not export `entryFuncName` as a function. */
  noEntry: 'RUNTIME_WASM_NO_ENTRY',
  /** createPlugin: the entry function takes parameters or returns something other than one i32. */
  badEntry: 'RUNTIME_WASM_BAD_ENTRY',
  /** createPlugin: runtimeConfig.hostFunctions names a function this host does not provide. */
  hostFunctionNotFound: 'RUNTIME_HOST_FUNCTION_NOT_FOUND',
  /** invoke: instantiating the module failed (its start function trapped, a link error). */
  instantiateFailed: 'RUNTIME_INSTANTIATE_FAILED',
  /** invoke: the call ran longer than runtimeConfig.timeout; the guest was stopped. */
  timeout: 'RUNTIME_TIMEOUT',
  /** The guest needs more memory than memory.maxPages allows (a failed grow, or more initial pages). */
  memoryLimit: 'RUNTIME_MEMORY_LIMIT',
  /** invoke: the guest trapped (unreachable, out-of-bounds access, stack overflow). */
  trap: 'RUNTIME_TRAP',
  /** invoke: the guest reported an error through Extism (Helm: `plugin error: <msg>`). */
  pluginError: 'RUNTIME_PLUGIN_ERROR',
  /** invoke: the guest made an HTTP request to a host not in allowedHosts (redirects included). */
  httpDenied: 'RUNTIME_HTTP_DENIED',
  /** invoke: a guest HTTP request failed (network error, bad URL, scheme other than http/https). */
  httpFailed: 'RUNTIME_HTTP_FAILED',
  /** invoke: a response body exceeded memory.maxHttpResponseBytes. */
  httpTooLarge: 'RUNTIME_HTTP_RESPONSE_TOO_LARGE',
  /** invoke: a host function the guest called failed. */
  hostFunctionFailed: 'RUNTIME_HOST_FUNCTION_FAILED',
  /** invoke: the guest's output is not the JSON message of its plugin type. */
  invalidOutput: 'RUNTIME_INVALID_OUTPUT',
  /** invoke: the temp dir for fileSystem.createTempDir could not be created. */
  tempDir: 'RUNTIME_TEMP_DIR_FAILED',
  /** invoke: the worker running the guest died (a bug, or the host ran out of memory). */
  workerFailed: 'RUNTIME_WORKER_FAILED',
} as const;

export type WasmCode = (typeof WASM_CODES)[keyof typeof WASM_CODES];
