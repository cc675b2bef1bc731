/*
 * Messages between the host and a guest worker (src/worker/guest-worker.cjs). The worker is plain JavaScript so
 * it runs from source and from dist alike; these types document the wire format for the host side.
 */

/** Limits handed to the Extism call context. */
export interface CallMemory {
  maxPages: number;
  maxHttpResponseBytes: number;
  maxVarBytes: number;
}

/** host → worker, first of all: the kernel module and the memory it starts on (shared with the host). */
export interface InitMessage {
  type: 'init';
  kernel: WebAssembly.Module;
  kernelMemory: WebAssembly.Memory;
}

/** host → worker: run one invocation in a fresh instance. */
export interface CallMessage {
  type: 'call';
  id: number;
  /** Compile-cache key of the module. */
  key: string;
  /** Sent the first time this worker sees `key`. */
  module?: WebAssembly.Module;
  entry: string;
  /** The input's length: the host wrote it into the kernel memory at 24 (kernel/kernel.ts). */
  inputLength: number;
  /** How far earlier calls and the host wrote into the kernel memory (the kernel zeroes what blocks reuse). */
  dirty: number;
  /** The kernel memory to use from this call on (when the host replaced it). */
  kernelMemory?: WebAssembly.Memory;
  config: Record<string, string>;
  memory: CallMemory;
  /** The module imports WASI (served under `helm:wasi`). */
  wasi: boolean;
  /** The module exports `__helm_initialize`, to run once WASI is wired. */
  initialize: boolean;
  /** The module exports `__helm_start_section` (its start function), to run first once WASI is wired. */
  startSection: boolean;
  /** The module routes memory.grow through the hook that sets `__helm_grow_failed`. */
  growHook: boolean;
  env: Record<string, string>;
  /** Guest path → host path. */
  preopens: Record<string, string>;
  /** Whether stdin is connected (reads go to the host); otherwise the guest sees end of input. */
  stdin: boolean;
  /** Host functions (extism:host/user) the host serves. */
  hostFunctions: string[];
  /** Forward guest log lines at or above this level. */
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** Requests the worker blocks on (Atomics.wait) until the host answers on the sync port. */
export type SyncRequest =
  | { kind: 'stdin'; max: number }
  | { kind: 'http'; url: string; method: string; headers: Record<string, string>; body: Uint8Array | null }
  | { kind: 'host'; name: string; input: Uint8Array };

export type SyncReply =
  | { ok: true; bytes: Uint8Array; status?: number; headers?: Record<string, string> }
  | { ok: false; failure: GuestFailure };

/** Why an invocation failed, as the worker saw it. */
export type GuestFailure =
  | { kind: 'plugin-error'; message: string; rc: number; growFailed: boolean }
  | { kind: 'trap'; message: string; growFailed: boolean; hostMemoryExceeded: boolean }
  | { kind: 'exit'; code: number }
  | { kind: 'http-denied'; message: string; url: string }
  | { kind: 'http-failed'; message: string; url: string }
  | { kind: 'http-too-large'; message: string; url: string; limit: number }
  | { kind: 'host-function'; message: string; name: string }
  | { kind: 'instantiate'; message: string }
  | { kind: 'internal'; message: string };

/** worker → host. */
export type WorkerMessage =
  | { type: 'out'; id: number; fd: 1 | 2; bytes: Uint8Array }
  | { type: 'log'; id: number; level: string; message: string }
  | { type: 'request'; id: number; request: SyncRequest }
  | { type: 'ready' }
  | { type: 'done'; id: number; output: OutputSpan | null; rc: number; exited?: boolean; bump: number }
  | { type: 'failed'; id: number; failure: GuestFailure; bump: number };

/** Where the guest's output is in the kernel memory. */
export interface OutputSpan {
  ptr: number;
  len: number;
}
