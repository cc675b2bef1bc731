import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';

const WORKER_URL = new URL('../worker/guest-worker.cjs', import.meta.url);

/**
 * A started guest worker thread that has not been given its kernel yet. Starting one needs nothing but this
 * module, so a host can start it before loading the rest of the runtime: the thread's own start-up (~55 ms with
 * Node 20 on this kind of machine, before it loads the Extism SDK) then overlaps the host's.
 */
export interface GuestThread {
  readonly worker: Worker;
  /** Raised by the host when it has answered a blocking request on `syncPort`. */
  readonly flag: Int32Array;
  /** The host's end of the port blocking requests are answered on. */
  readonly syncPort: MessagePort;
  /** The thread has exited (a pool then starts another). */
  readonly ended: boolean;
}

export function startGuestThread(): GuestThread {
  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  // The host only sends on this port; it must not keep the process alive.
  port1.unref();
  const worker = new Worker(WORKER_URL, {
    workerData: { flag, syncPort: port2 },
    transferList: [port2],
    execArgv: ['--disable-warning=ExperimentalWarning'],
    // The worker's own stdout/stderr are not the plugin's (which go through WASI): keep them off the host's
    // streams. They are never read: a flowing worker stdio stream would keep the process alive.
    stdout: true,
    stderr: true,
    name: 'helm4 wasm guest',
  });
  // Until a pool adopts it, a started thread must not hold the process (a wrong guess costs an idle thread), and
  // its failure must not throw in the host: the pool that adopts it listens, and passes over a thread that ended.
  worker.unref();
  const thread = { worker, flag: new Int32Array(flag), syncPort: port1, ended: false };
  worker.on('error', () => {});
  worker.once('exit', () => {
    thread.ended = true;
  });
  return thread;
}

let started: GuestThread | undefined;

/** Starts a guest thread now for the next pool that needs one (once: a second call while one waits does nothing). */
export function startGuestThreadEarly(): void {
  started ??= startGuestThread();
}

/** The thread started early, if there is one and no pool has taken it yet. */
export function takeEarlyGuestThread(): GuestThread | undefined {
  const thread = started;
  started = undefined;
  return thread?.ended === false ? thread : undefined;
}
