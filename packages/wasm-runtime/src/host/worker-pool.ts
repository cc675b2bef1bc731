import { availableParallelism } from 'node:os';
import type { MessagePort, Worker } from 'node:worker_threads';
import { KernelMemory } from '../kernel/kernel-memory.js';
import { kernelModule } from '../kernel/kernel-module.js';
import type { CallMessage, InitMessage, SyncReply, WorkerMessage } from '../worker/protocol.js';
import {
  type CallHandlers,
  type CallJob,
  type CallResult,
  CallStopped,
  inputTooLarge,
  KEEP_KERNEL_MEMORY_BYTES,
  type RunOptions,
  readOutput,
  type StopReason,
} from './call.js';
import { type GuestThread, startGuestThread, takeEarlyGuestThread } from './guest-thread.js';

export type { CallHandlers, CallJob, CallResult, OutputJson, RunOptions, StopReason } from './call.js';
export { CallStopped } from './call.js';

interface ActiveCall {
  onMessage(message: WorkerMessage): void;
  onExit(error: unknown): void;
}

class GuestWorker {
  readonly worker: Worker;
  readonly flag: Int32Array;
  readonly syncPort: MessagePort;
  /** Modules (by cache key) this worker has received. */
  readonly modules = new Set<string>();
  /** The memory of this worker's kernel, which the host writes inputs to and reads outputs from. */
  kernel = new KernelMemory();
  /** The kernel memory was replaced: send it with the next call. */
  kernelReplaced = false;
  current: ActiveCall | undefined;
  dead = false;

  constructor(thread: GuestThread, onDead: (w: GuestWorker) => void) {
    this.worker = thread.worker;
    this.flag = thread.flag;
    this.syncPort = thread.syncPort;
    const init: InitMessage = { type: 'init', kernel: kernelModule(), kernelMemory: this.kernel.memory };
    this.worker.postMessage(init);
    this.worker.on('message', (message: WorkerMessage) => this.current?.onMessage(message));
    const die = (error: unknown) => {
      if (this.dead) return;
      this.dead = true;
      this.syncPort.close();
      onDead(this);
      this.current?.onExit(error);
    };
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`the guest worker exited with code ${code}`)));
  }

  terminate(): void {
    this.dead = true;
    this.syncPort.close();
    this.worker.terminate().catch(() => {});
  }
}

/**
 * Guest workers, reused across calls (one call at a time each). A call that times out, is aborted or whose
 * worker dies ends with CallStopped and its worker is terminated, so a runaway guest can never hold the host.
 * Idle workers are unref'd: they never keep the process alive.
 */
export class WorkerPool {
  readonly #idle: GuestWorker[] = [];
  readonly #maxIdle: number;
  #seq = 0;

  constructor(maxIdle = Math.max(1, Math.min(4, availableParallelism()))) {
    this.#maxIdle = maxIdle;
  }

  /** Starts a worker ahead of the first call (its start-up then overlaps compiling). */
  warm(): void {
    if (this.#idle.length === 0) this.#release(this.#spawn());
  }

  /** Terminates the idle workers. */
  close(): void {
    for (const w of this.#idle.splice(0)) w.terminate();
  }

  #spawn(): GuestWorker {
    return new GuestWorker(takeEarlyGuestThread() ?? startGuestThread(), (dead) => {
      const i = this.#idle.indexOf(dead);
      if (i !== -1) this.#idle.splice(i, 1);
    });
  }

  #release(w: GuestWorker): void {
    if (w.dead) return;
    if (w.kernel.size > KEEP_KERNEL_MEMORY_BYTES) {
      w.kernel = new KernelMemory();
      w.kernelReplaced = true;
    }
    if (this.#idle.length >= this.#maxIdle) {
      w.terminate();
      return;
    }
    w.worker.unref();
    this.#idle.push(w);
  }

  run(job: CallJob, module: WebAssembly.Module, handlers: CallHandlers, options: RunOptions): Promise<CallResult> {
    if (options.signal?.aborted) {
      return Promise.reject(new CallStopped({ kind: 'aborted', reason: options.signal.reason }));
    }
    const w = this.#idle.pop() ?? this.#spawn();
    w.worker.ref();
    const id = ++this.#seq;
    const requests = new AbortController();
    return new Promise<CallResult>((resolve, reject) => {
      let finished = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        finished = true;
        w.current = undefined;
        if (timer !== undefined) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        requests.abort();
      };
      const stop = (reason: StopReason) => {
        if (finished) return;
        finish();
        w.terminate();
        reject(new CallStopped(reason));
      };
      const onAbort = () => stop({ kind: 'aborted', reason: options.signal?.reason });
      const answer = (reply: SyncReply) => {
        if (finished) return;
        const transfer = reply.ok && reply.bytes.buffer instanceof ArrayBuffer ? [reply.bytes.buffer] : [];
        w.syncPort.postMessage(reply, transfer);
        Atomics.store(w.flag, 0, 1);
        Atomics.notify(w.flag, 0);
      };
      w.current = {
        onExit: (error) => stop({ kind: 'crashed', error }),
        onMessage: (message) => {
          if (finished || message.type === 'ready' || message.id !== id) return;
          switch (message.type) {
            case 'out':
              handlers.onOutput(message.fd, message.bytes);
              return;
            case 'log':
              handlers.onLog(message.level, message.message);
              return;
            case 'request':
              handlers
                .onRequest(message.request, requests.signal)
                .then(answer, (err: unknown) =>
                  answer({ ok: false, failure: { kind: 'internal', message: String(err) } }),
                );
              return;
            case 'done': {
              finish();
              w.kernel.written(message.bump);
              const output = readOutput(w.kernel, message.output);
              this.#release(w);
              resolve({ ok: true, output, rc: message.rc, exited: message.exited === true });
              return;
            }
            case 'failed':
              finish();
              w.kernel.written(message.bump);
              this.#release(w);
              resolve({ ok: false, failure: message.failure });
              return;
          }
        },
      };
      if (options.timeoutMs > 0)
        timer = setTimeout(() => stop({ kind: 'timeout', ms: options.timeoutMs }), options.timeoutMs);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const send = !w.modules.has(job.key);
      w.modules.add(job.key);
      const { message: input, ...rest } = job;
      let inputLength: number;
      try {
        inputLength = w.kernel.writeInput(input);
      } catch (err) {
        // Only a RangeError: the input does not fit the 4 GiB a kernel memory can hold.
        finish();
        this.#release(w);
        resolve({ ok: false, failure: inputTooLarge(err) });
        return;
      }
      const message: CallMessage = {
        ...rest,
        type: 'call',
        id,
        inputLength,
        dirty: w.kernel.dirty,
        ...(send ? { module } : {}),
        ...(w.kernelReplaced ? { kernelMemory: w.kernel.memory } : {}),
      };
      w.kernelReplaced = false;
      w.worker.postMessage(message);
    });
  }
}

let shared: WorkerPool | undefined;

/** The process-wide pool every Extism runtime uses unless given its own. */
export function sharedWorkerPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}
