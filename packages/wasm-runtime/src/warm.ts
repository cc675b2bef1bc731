/**
 * `@helm4/wasm-runtime/warm`: starts a guest worker thread without loading the rest of the runtime (this module
 * imports only node:worker_threads), so a CLI that knows early that it will run an extism/v1 plugin overlaps the
 * thread's start-up with loading the runtime and the plugin. The first worker pool that needs a worker adopts it.
 */
import { startGuestThreadEarly } from './host/guest-thread.js';

export function warmGuestWorker(): void {
  startGuestThreadEarly();
}
