// @ts-check
/*
 * A guest worker: runs one invocation at a time (guest-call.cjs). The host supervises it (timeouts and aborts
 * terminate the whole worker), so the guest's code runs unguarded here.
 *
 * Calls into the host (stdin, HTTP, host functions) block this thread: the request goes out on parentPort, the
 * worker waits on a shared flag, and the host answers on a dedicated port read with receiveMessageOnPort.
 */
const { parentPort, receiveMessageOnPort, workerData } = require('node:worker_threads');
const { createGuest } = require('./guest-call.cjs');

if (parentPort === null) throw new Error('guest-worker.cjs runs in a worker thread');
const port = parentPort;

// Nothing in this thread may write to the worker's own stdout/stderr: the host never reads them (a read stream
// would keep the process alive) and unread output would hold the worker. Plugin output goes through WASI.
for (const stream of [process.stdout, process.stderr]) {
  stream.write = () => true;
}

const flag = new Int32Array(/** @type {SharedArrayBuffer} */ (workerData.flag));
/** @type {import('node:worker_threads').MessagePort} */
const syncPort = workerData.syncPort;

const guest = createGuest({
  post: (message, transfer) => port.postMessage(message, transfer),
  ask(id, request) {
    Atomics.store(flag, 0, 0);
    port.postMessage({ type: 'request', id, request });
    Atomics.wait(flag, 0, 0);
    const reply = receiveMessageOnPort(syncPort);
    if (reply === undefined) throw new Error('the host did not answer');
    return reply.message;
  },
  guard: (run) => run(),
});

port.on('message', guest.handle);
port.postMessage({ type: 'ready' });
