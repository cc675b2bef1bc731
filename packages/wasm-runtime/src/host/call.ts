/*
 * What a call is to the host, however it runs (in a guest worker, host/worker-pool.ts, or on the calling thread,
 * host/inline-runner.ts): the job, the handlers, the result, and how a stopped call ends.
 */
import type { KernelMemory } from '../kernel/kernel-memory.js';
import type { CallMessage, GuestFailure, OutputSpan, SyncReply, SyncRequest } from '../worker/protocol.js';

/** A kernel memory grown past this is replaced after the call rather than kept for the next. */
export const KEEP_KERNEL_MEMORY_BYTES = 64 * 1024 * 1024;

/** What the host does while a call runs: output, logs and the requests the guest blocks on. */
export interface CallHandlers {
  onOutput(fd: 1 | 2, bytes: Uint8Array): void;
  onLog(level: string, message: string): void;
  onRequest(request: SyncRequest, signal: AbortSignal): Promise<SyncReply>;
}

/** The guest's output, read as JSON out of the kernel memory before the worker takes another call. */
export type OutputJson = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'invalid'; message: string };

export type CallResult =
  | { ok: true; output: OutputJson; rc: number; exited: boolean }
  | { ok: false; failure: GuestFailure };

/** Why the host stopped a call (a worker's is terminated). */
export type StopReason =
  | { kind: 'timeout'; ms: number }
  | { kind: 'aborted'; reason: unknown }
  | { kind: 'crashed'; error: unknown };

export class CallStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(reason.kind === 'timeout' ? `timed out after ${reason.ms} ms` : reason.kind);
    this.name = 'CallStopped';
  }
}

export interface RunOptions {
  /** Stop the call after this many ms (0: never). */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export type CallJob = Omit<CallMessage, 'type' | 'id' | 'module' | 'inputLength' | 'dirty' | 'kernelMemory'> & {
  /** The input message (JSON), written into the worker's kernel memory. */
  message: unknown;
};

export function readOutput(kernel: KernelMemory, span: OutputSpan | null): OutputJson {
  if (span === null || span.len === 0) return { kind: 'none' };
  try {
    return { kind: 'json', value: kernel.readOutput(span.ptr, span.len) };
  } catch (err) {
    return { kind: 'invalid', message: err instanceof Error ? err.message : String(err) };
  }
}

export function inputTooLarge(err: unknown): GuestFailure {
  return {
    kind: 'trap',
    message: `the input does not fit the kernel memory (${err instanceof Error ? err.message : String(err)})`,
    growFailed: false,
    hostMemoryExceeded: true,
  };
}
