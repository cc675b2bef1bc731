import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { KernelMemory } from '../kernel/kernel-memory.js';
import { kernelModule } from '../kernel/kernel-module.js';
import type { CallMessage, InitMessage, SyncReply, SyncRequest, WorkerMessage } from '../worker/protocol.js';
import { refuseHttpRequest } from './allowed-hosts.js';
import {
  type CallHandlers,
  type CallJob,
  type CallResult,
  CallStopped,
  inputTooLarge,
  KEEP_KERNEL_MEMORY_BYTES,
  type RunOptions,
  readOutput,
} from './call.js';

/** guest-call.cjs, as this module sees it. */
interface Guest {
  handle(message: InitMessage | CallMessage): void;
}
interface GuestCallModule {
  createGuest(channel: {
    post(message: WorkerMessage): void;
    ask(id: number, request: SyncRequest): SyncReply;
    guard<T>(run: () => T): T;
  }): Guest;
}

interface ActiveCall {
  id: number;
  handlers: CallHandlers;
  /** When the guest's own code must have finished (undefined: no timeout). */
  deadline: number | undefined;
  timeoutMs: number;
  timedOut: boolean;
  resolve(result: CallResult): void;
  reject(error: unknown): void;
}

const NO_HOSTS: readonly never[] = [];

/** The global the guarded script calls: a vm timeout applies to a script, not to a function. */
const GUARDED = Symbol.for('helm4.wasm-runtime.guarded');
const GUARDED_CALL = new Script(`globalThis[Symbol.for(${JSON.stringify(GUARDED.description)})]()`);

/**
 * Runs calls on the calling thread, one at a time, for calls that need nothing from the host's event loop while
 * the guest runs (canRunOnCallingThread): no worker thread to start, which is most of a one-shot run's time (~75
 * ms with Node 20 on 2 cores, before the Extism SDK loads in it). The guest side is the worker's (guest-call.cjs);
 * the guest's own code (start function, initializer, entry) runs as a node:vm script with the call's timeout,
 * whose watchdog stops Wasm as it stops JavaScript (V8's TerminateExecution), so a runaway guest ends with
 * RUNTIME_TIMEOUT here too and the thread goes on.
 */
export class InlineRunner {
  #guest: Guest | undefined;
  #kernel: KernelMemory | undefined;
  #current: ActiveCall | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #seq = 0;

  run(job: CallJob, module: WebAssembly.Module, handlers: CallHandlers, options: RunOptions): Promise<CallResult> {
    const result = this.#queue.then(() => this.#run(job, module, handlers, options));
    this.#queue = result.catch(() => {});
    return result;
  }

  #run(job: CallJob, module: WebAssembly.Module, handlers: CallHandlers, options: RunOptions): Promise<CallResult> {
    if (options.signal?.aborted) {
      return Promise.reject(new CallStopped({ kind: 'aborted', reason: options.signal.reason }));
    }
    const guest = this.#loadGuest();
    const kernel = this.#kernelMemory(guest);
    const { message: input, ...rest } = job;
    let inputLength: number;
    try {
      inputLength = kernel.writeInput(input);
    } catch (err) {
      // Only a RangeError: the input does not fit the 4 GiB a kernel memory can hold.
      return Promise.resolve({ ok: false, failure: inputTooLarge(err) });
    }
    const id = ++this.#seq;
    return new Promise<CallResult>((resolve, reject) => {
      this.#current = {
        id,
        handlers,
        deadline: options.timeoutMs > 0 ? performance.now() + options.timeoutMs : undefined,
        timeoutMs: options.timeoutMs,
        timedOut: false,
        resolve,
        reject,
      };
      guest.handle({ ...rest, type: 'call', id, inputLength, dirty: kernel.dirty, module });
    }).finally(() => {
      this.#current = undefined;
    });
  }

  #kernelMemory(guest: Guest): KernelMemory {
    if (this.#kernel === undefined || this.#kernel.size > KEEP_KERNEL_MEMORY_BYTES) {
      this.#kernel = new KernelMemory();
      guest.handle({ type: 'init', kernel: kernelModule(), kernelMemory: this.#kernel.memory });
    }
    return this.#kernel;
  }

  #loadGuest(): Guest {
    if (this.#guest !== undefined) return this.#guest;
    const { createGuest } = quietly(
      () => createRequire(import.meta.url)('../worker/guest-call.cjs') as GuestCallModule,
    );
    this.#guest = createGuest({
      post: (message) => this.#onMessage(message),
      ask: (_id, request) => this.#answer(request),
      guard: (run) => this.#guard(run),
    });
    return this.#guest;
  }

  #onMessage(message: WorkerMessage): void {
    const call = this.#current;
    if (call === undefined || message.type === 'ready' || message.id !== call.id) return;
    switch (message.type) {
      case 'out':
        call.handlers.onOutput(message.fd, message.bytes);
        return;
      case 'log':
        call.handlers.onLog(message.level, message.message);
        return;
      case 'request':
        // Requests are asked (#answer), never posted, on this thread.
        return;
      case 'done':
        this.#kernel?.written(message.bump);
        call.resolve({
          ok: true,
          output: this.#kernel === undefined ? { kind: 'none' } : readOutput(this.#kernel, message.output),
          rc: message.rc,
          exited: message.exited === true,
        });
        return;
      case 'failed':
        this.#kernel?.written(message.bump);
        if (call.timedOut) call.reject(new CallStopped({ kind: 'timeout', ms: call.timeoutMs }));
        else call.resolve({ ok: false, failure: message.failure });
        return;
    }
  }

  /**
   * The host's answer to a blocking request, which cannot wait for the event loop here: a call runs on this
   * thread only when none needs it (no stdin to read, no host functions, no allowed hosts, so every HTTP request
   * is refused, as the worker's host would refuse it).
   */
  #answer(request: SyncRequest): SyncReply {
    if (request.kind === 'http') {
      const refused = refuseHttpRequest(request.url, NO_HOSTS);
      return {
        ok: false,
        failure: refused ?? { kind: 'internal', message: 'an allowed HTTP request on the calling thread' },
      };
    }
    return { ok: false, failure: { kind: 'internal', message: `a ${request.kind} request on the calling thread` } };
  }

  #guard<T>(run: () => T): T {
    const call = this.#current;
    if (call?.deadline === undefined) return run();
    const slot = globalThis as unknown as Record<symbol, unknown>;
    slot[GUARDED] = run;
    try {
      return GUARDED_CALL.runInThisContext({ timeout: Math.max(1, Math.ceil(call.deadline - performance.now())) }) as T;
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') call.timedOut = true;
      throw err;
    } finally {
      delete slot[GUARDED];
    }
  }
}

/**
 * Loads the guest side on this thread without the warning node:wasi emits on load (ExperimentalWarning), which a
 * guest worker turns off with --disable-warning.
 */
function quietly<T>(load: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: unknown } | undefined)?.type;
    if (type === 'ExperimentalWarning' && String(warning).startsWith('WASI')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return load();
  } finally {
    process.emitWarning = emitWarning;
  }
}

let shared: InlineRunner | undefined;

/** The process-wide runner: calls on this thread run one at a time, whichever runtime makes them. */
export function sharedInlineRunner(): InlineRunner {
  shared ??= new InlineRunner();
  return shared;
}
