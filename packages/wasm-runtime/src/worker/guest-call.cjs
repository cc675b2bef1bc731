// @ts-check
/*
 * The guest side of a call, wherever it runs: in a guest worker (guest-worker.cjs) or, for a call that can, on
 * the host's own thread (host/inline-runner.ts). Each call runs in a fresh Extism plugin instance created from a
 * module compiled once by the host; every failure is posted, never thrown.
 *
 * `post` sends the host a message (output, logs, the call's end); `ask` blocks until the host answers a request
 * (stdin, HTTP, host functions); `guard` runs the guest's own code (start function, initializer, entry) and may
 * stop it at a deadline.
 */
const { openSync } = require('node:fs');
const { devNull } = require('node:os');
const { WorkerKernel } = require('./guest-kernel.cjs');
const { ProcExit, wasiImports } = require('./guest-wasi.cjs');

const { default: sdkCreatePlugin } = withoutJspi(() => require('@extism/extism'));
const { WASI } = require('node:wasi');

/**
 * Runs `load` with JSPI hidden: the SDK reads it once, when loaded, and without it keeps our synchronous
 * http_request where it would swap in its own async one. Put back after, as this may be the host's own thread.
 * @template T
 * @param {() => T} load
 * @returns {T}
 */
function withoutJspi(load) {
  const saved = ['Suspending', 'promising'].map((name) => [name, Reflect.getOwnPropertyDescriptor(WebAssembly, name)]);
  for (const [name] of saved) Reflect.deleteProperty(WebAssembly, /** @type {string} */ (name));
  try {
    return load();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor !== undefined) Reflect.defineProperty(WebAssembly, /** @type {string} */ (name), descriptor);
    }
  }
}

/**
 * The SDK's createPlugin, handed the module itself for a manifest that is only `{ wasm: [{ module }] }`: for any
 * other manifest the SDK asks `manifest instanceof Response`, and Node's `Response` global loads undici on first use
 * (~40 ms in a fresh worker, on the first call's critical path). The SDK makes a bare module that same manifest.
 * @type {typeof sdkCreatePlugin}
 */
const createPlugin = (manifest, opts) => sdkCreatePlugin(bareModule(manifest) ?? manifest, opts);

/** @param {import('@extism/extism').ManifestLike | PromiseLike<import('@extism/extism').ManifestLike>} manifest */
function bareModule(manifest) {
  if (typeof manifest !== 'object' || !('wasm' in manifest) || Object.keys(manifest).length !== 1) return undefined;
  const [item, ...more] = manifest.wasm;
  if (item === undefined || more.length > 0 || !('module' in item) || Object.keys(item).length !== 1) return undefined;
  return item.module instanceof WebAssembly.Module ? item.module : undefined;
}

/** @typedef {import('./protocol.js').CallMessage} CallMessage */
/** @typedef {import('./protocol.js').InitMessage} InitMessage */
/** @typedef {import('./protocol.js').GuestFailure} GuestFailure */
/** @typedef {import('./protocol.js').SyncRequest} SyncRequest */
/** @typedef {import('./protocol.js').SyncReply} SyncReply */

/** @type {number | undefined} */
let nullFd;
/** What node:wasi is given for the standard streams, which the runtime serves itself. */
const nullFdOf = () => {
  nullFd ??= openSync(devNull, 'r+');
  return nullFd;
};

const ENTRY = '__helm_entry';

/** A host call failed (denied HTTP, failing host function): the guest stops, the call fails with `failure`. */
class HostCallFailure extends Error {
  /** @param {GuestFailure} failure */
  constructor(failure) {
    super('message' in failure ? failure.message : failure.kind);
    this.failure = failure;
  }
}

/**
 * @param {GuestFailure} failure
 * @returns {never}
 */
function failWith(failure) {
  throw new HostCallFailure(failure);
}

/**
 * @typedef {object} GuestChannel
 * @property {(message: import('./protocol.js').WorkerMessage, transfer?: ArrayBuffer[]) => void} post
 * @property {(id: number, request: SyncRequest) => SyncReply} ask
 * @property {<T>(run: () => T) => T} guard
 */

/**
 * A guest runner over `channel`: `handle` takes the host's messages (`init`, then calls, one at a time).
 * @param {GuestChannel} channel
 */
function createGuest({ post, ask, guard }) {
  /** @type {Map<string, WebAssembly.Module>} */
  const modules = new Map();
  /**
   * The kernel, from the host's first message (`init`). In a worker that message may come well after the thread
   * started (a host that knows early it will run a guest starts the thread before it has loaded the kernel); calls
   * come after it.
   * @type {InstanceType<typeof WorkerKernel>}
   */
  let kernel;
  /**
   * Forwards log lines to the host (guest logs and the SDK's own).
   * @param {CallMessage} msg
   */
  function forwardLog(msg) {
    return (/** @type {string} */ level, /** @type {string} */ message) => {
      if (msg.logLevel !== 'silent') post({ type: 'log', id: msg.id, level, message });
    };
  }

  /**
   * A console for the Extism SDK that forwards to the host.
   * @param {CallMessage} msg
   */
  function logger(msg) {
    const forward = forwardLog(msg);
    /** @param {string} level */
    const log = (level) => (/** @type {unknown} */ message) => forward(level, String(message));
    return /** @type {Console} */ (
      /** @type {unknown} */ ({
        trace: log('trace'),
        debug: log('debug'),
        info: log('info'),
        warn: log('warn'),
        error: log('error'),
        log: log('info'),
      })
    );
  }

  /** @param {CallMessage} msg */
  function httpFunctions(msg) {
    let status = 0;
    /** @type {Record<string, string>} */
    let headers = {};
    return {
      /** @param {unknown} _ctx @param {bigint} reqAddr @param {bigint} bodyAddr */
      http_request: (_ctx, reqAddr, bodyAddr) => {
        status = 0;
        headers = {};
        /** @type {{ url?: unknown, method?: unknown, headers?: unknown, header?: unknown }} */
        let parsed;
        try {
          parsed = JSON.parse(new TextDecoder().decode(kernel.read(reqAddr)));
        } catch {
          return failWith({ kind: 'http-failed', message: 'the HTTP request is not JSON', url: '' });
        }
        const url = typeof parsed.url === 'string' ? parsed.url : '';
        const method = typeof parsed.method === 'string' ? parsed.method.toUpperCase() : 'GET';
        const rawHeaders = parsed.headers ?? parsed.header ?? {};
        /** @type {Record<string, string>} */
        const sent = {};
        if (rawHeaders !== null && typeof rawHeaders === 'object') {
          for (const [k, v] of Object.entries(rawHeaders)) sent[k] = String(v);
        }
        const body = bodyAddr === 0n || method === 'GET' || method === 'HEAD' ? null : kernel.read(bodyAddr);
        const reply = ask(msg.id, { kind: 'http', url, method, headers: sent, body });
        if (!reply.ok) return failWith(reply.failure);
        status = reply.status ?? 0;
        headers = reply.headers ?? {};
        return kernel.store(reply.bytes);
      },
      http_status_code: () => status,
      http_headers: () => kernel.store(new TextEncoder().encode(JSON.stringify(headers))),
    };
  }

  /** @param {CallMessage} msg */
  function hostFunctions(msg) {
    /** @type {Record<string, Function>} */
    const fns = {};
    for (const name of msg.hostFunctions) {
      fns[name] = (/** @type {unknown} */ _ctx, /** @type {bigint} */ addr) => {
        const input = addr === 0n ? new Uint8Array(0) : kernel.read(addr);
        const reply = ask(msg.id, { kind: 'host', name, input });
        if (!reply.ok) return failWith(reply.failure);
        return kernel.store(reply.bytes);
      };
    }
    return fns;
  }

  /** @param {CallMessage} msg */
  async function run(msg) {
    /** @param {GuestFailure} failure */
    const fail = (failure) => post({ type: 'failed', id: msg.id, failure, bump: kernel.bump });
    if (msg.module !== undefined) modules.set(msg.key, msg.module);
    if (msg.kernelMemory !== undefined) kernel.use(msg.kernelMemory);
    const module = modules.get(msg.key);
    if (module === undefined) return fail({ kind: 'internal', message: `module ${msg.key} was never sent` });
    if (!kernel.begin(msg.memory.maxPages * 65_536, msg.inputLength, msg.dirty)) {
      return fail({
        kind: 'trap',
        message: 'the input is larger than memory.maxPages',
        growFailed: false,
        hostMemoryExceeded: true,
      });
    }
    await runGuest(msg, module, fail);
  }

  /**
   * @param {CallMessage} msg
   * @param {WebAssembly.Module} module
   * @param {(failure: GuestFailure) => void} fail
   */
  async function runGuest(msg, module, fail) {
    /** @type {WebAssembly.Memory | undefined} */
    let memory;
    /** @type {Record<string, Record<string, Function>>} */
    const functions = { 'extism:host/env': { ...kernel.functions(msg, forwardLog(msg)), ...httpFunctions(msg) } };
    /** @type {import('node:wasi').WASI | undefined} */
    let wasi;
    if (msg.wasi) {
      wasi = new WASI({
        version: 'preview1',
        env: msg.env,
        preopens: msg.preopens,
        stdin: nullFdOf(),
        stdout: nullFdOf(),
        stderr: nullFdOf(),
        returnOnExit: true,
      });
      functions['helm:wasi'] = wasiImports(/** @type {any} */ (wasi), {
        memory: () => {
          if (memory === undefined) throw new Error('WASI used before the memory exists');
          return memory;
        },
        write: (fd, bytes) => post({ type: 'out', id: msg.id, fd, bytes }, [/** @type {ArrayBuffer} */ (bytes.buffer)]),
        read: (max) => {
          if (!msg.stdin) return new Uint8Array(0);
          const reply = ask(msg.id, { kind: 'stdin', max });
          return reply.ok ? reply.bytes : new Uint8Array(0);
        },
      });
    }
    if (msg.hostFunctions.length > 0) functions['extism:host/user'] = hostFunctions(msg);

    /** @type {import('@extism/extism').Plugin} */
    let plugin;
    try {
      plugin = await createPlugin(
        { wasm: [{ module }] },
        { useWasi: false, functions: /** @type {any} */ (functions), logger: logger(msg), logLevel: msg.logLevel },
      );
    } catch (err) {
      return fail(failureOf(err, undefined, 'instantiate'));
    }
    /** @type {WebAssembly.Instance | undefined} */
    let instance;
    try {
      instance = await plugin.getInstance();
      const exported = instance.exports['memory'];
      if (exported instanceof WebAssembly.Memory) memory = exported;
      if (wasi !== undefined) {
        if (memory === undefined) throw new Error('a WASI module must export its memory as "memory"');
        wasi.initialize({ exports: { memory } });
      }
      const { exports } = instance;
      await guard(() => {
        if (msg.startSection) /** @type {Function} */ (exports['__helm_start_section'])();
        if (msg.initialize) /** @type {Function} */ (exports['__helm_initialize'])();
        // The input and output live in the kernel; the SDK's own call context stays empty.
        return plugin.call(ENTRY);
      });
      const rc = globalOf(instance, '__helm_rc');
      if (kernel.failed) {
        // The guest was refused an Extism block (it got address 0): whatever it made of that, the limit was hit.
        fail({
          kind: 'trap',
          message: 'an Extism allocation exceeded memory.maxPages',
          growFailed: false,
          hostMemoryExceeded: true,
        });
        return;
      }
      const { output, error } = kernel.result();
      if (error !== null) {
        fail({ kind: 'plugin-error', message: error, rc, growFailed: globalOf(instance, '__helm_grow_failed') === 1 });
        return;
      }
      post({ type: 'done', id: msg.id, output, rc, bump: kernel.bump });
    } catch (err) {
      if (err instanceof ProcExit && err.code === 0) {
        post({ type: 'done', id: msg.id, output: null, rc: 0, exited: true, bump: kernel.bump });
      } else {
        fail(failureOf(err, instance, 'trap'));
      }
    } finally {
      await plugin.close().catch(() => {});
    }
  }

  /**
   * @param {WebAssembly.Instance | undefined} instance
   * @param {string} name
   */
  function globalOf(instance, name) {
    const g = instance?.exports[name];
    return g instanceof WebAssembly.Global ? Number(g.value) : 0;
  }

  /**
   * @param {unknown} err
   * @param {WebAssembly.Instance | undefined} instance
   * @param {'instantiate' | 'trap'} fallback
   * @returns {GuestFailure}
   */
  function failureOf(err, instance, fallback) {
    if (err instanceof HostCallFailure) return err.failure;
    if (err instanceof ProcExit) return { kind: 'exit', code: err.code };
    const message = err instanceof Error ? err.message : String(err);
    if (fallback === 'instantiate') return { kind: 'instantiate', message };
    return {
      kind: 'trap',
      message,
      growFailed: globalOf(instance, '__helm_grow_failed') === 1,
      hostMemoryExceeded: kernel.failed,
    };
  }

  /** @param {CallMessage | InitMessage} msg */
  function handle(msg) {
    if (msg.type === 'init') {
      kernel = new WorkerKernel(msg.kernel, msg.kernelMemory);
    } else if (msg.type === 'call') {
      run(msg).catch((err) => {
        post({
          type: 'failed',
          id: msg.id,
          failure: { kind: 'internal', message: String(err) },
          bump: kernel?.bump ?? 0,
        });
      });
    }
  }

  return { handle };
}

module.exports = { createGuest };
