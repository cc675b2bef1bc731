/**
 * `@helm4/wasm-runtime/warm`: starts a guest worker without loading the rest of the runtime, so a CLI that has
 * just found an extism/v1 plugin overlaps the worker's start-up (~80 ms) with importing the runtime.
 */
import { sharedWorkerPool } from './host/worker-pool.js';

export function warmGuestWorker(): void {
  sharedWorkerPool().warm();
}
