import { Helm4Error } from '@helm4/errors';
import { RUNTIME_CODES } from '@helm4/runtime';
import { WASM_CODES } from '../codes.js';
import { CallStopped } from '../host/worker-pool.js';
import type { GuestFailure } from '../worker/protocol.js';

const MEMORY_HINT = 'raise runtimeConfig.memory.maxPages (64 KiB pages) if the plugin really needs more memory';

/** The coded error for a call the guest failed. */
export function guestFailureError(failure: GuestFailure, plugin: string, maxPages: number): Helm4Error {
  const name = JSON.stringify(plugin);
  switch (failure.kind) {
    case 'plugin-error':
      if (failure.growFailed) return memoryLimit(plugin, maxPages, failure.message);
      return new Helm4Error(WASM_CODES.pluginError, `plugin ${name} failed: ${failure.message}`, {
        details: { plugin, message: failure.message, exitCode: failure.rc },
      });
    case 'trap':
      if (failure.growFailed || failure.hostMemoryExceeded) return memoryLimit(plugin, maxPages, failure.message);
      return new Helm4Error(WASM_CODES.trap, `plugin ${name} crashed: ${failure.message}`, {
        details: { plugin, message: failure.message },
      });
    case 'exit':
      return new Helm4Error(RUNTIME_CODES.exit, `plugin ${name} exited with code ${failure.code}`, {
        details: { plugin, exitCode: failure.code },
      });
    case 'http-denied':
      return new Helm4Error(WASM_CODES.httpDenied, `plugin ${name}: ${failure.message}`, {
        details: { plugin, url: failure.url },
        hint: 'add the host (or host:port) to runtimeConfig.allowedHosts of the plugin',
      });
    case 'http-failed':
      return new Helm4Error(WASM_CODES.httpFailed, `plugin ${name}: ${failure.message}`, {
        details: { plugin, url: failure.url },
      });
    case 'http-too-large':
      return new Helm4Error(WASM_CODES.httpTooLarge, `plugin ${name}: ${failure.message}`, {
        details: { plugin, url: failure.url, limit: failure.limit },
        hint: 'raise runtimeConfig.memory.maxHttpResponseBytes',
      });
    case 'host-function':
      return new Helm4Error(
        WASM_CODES.hostFunctionFailed,
        `plugin ${name}: host function ${failure.name} failed: ${failure.message}`,
        {
          details: { plugin, hostFunction: failure.name },
        },
      );
    case 'instantiate':
      return new Helm4Error(
        WASM_CODES.instantiateFailed,
        `plugin ${name} could not be instantiated: ${failure.message}`,
        {
          details: { plugin, message: failure.message },
        },
      );
    case 'internal':
      return new Helm4Error(WASM_CODES.workerFailed, `plugin ${name}: the Wasm worker failed: ${failure.message}`, {
        details: { plugin },
      });
  }
}

function memoryLimit(plugin: string, maxPages: number, message: string): Helm4Error {
  return new Helm4Error(
    WASM_CODES.memoryLimit,
    `plugin ${JSON.stringify(plugin)} ran out of memory: the limit is ${maxPages} pages (${maxPages * 64} KiB)`,
    { details: { plugin, maxPages, message }, hint: MEMORY_HINT },
  );
}

/** The coded error for a call the host stopped. */
export function stoppedError(err: CallStopped, plugin: string): Helm4Error {
  const name = JSON.stringify(plugin);
  const { reason } = err;
  switch (reason.kind) {
    case 'timeout':
      return new Helm4Error(WASM_CODES.timeout, `plugin ${name} timed out after ${reason.ms} ms`, {
        details: { plugin, timeoutMs: reason.ms },
        hint: 'raise runtimeConfig.timeout (milliseconds) if the plugin needs longer',
      });
    case 'aborted':
      return new Helm4Error(RUNTIME_CODES.aborted, `plugin ${name} was aborted`, {
        details: { plugin },
        cause: reason.reason,
      });
    case 'crashed':
      return new Helm4Error(WASM_CODES.workerFailed, `plugin ${name}: the Wasm worker died`, {
        details: { plugin },
        cause: reason.error,
      });
  }
}

export { CallStopped };
