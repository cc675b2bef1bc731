// The in-process half of wasm-bench.mjs, in a process of its own: warm call overhead and the 10 MiB post-render
// (throughput, peak RSS, and where the time goes). Prints JSON. Needs node --expose-gc.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = (p) => import(path.join(root, 'packages/wasm-runtime/dist', p));
const { createExtismRuntime, sharedWorkerPool } = await dist('index.js');
// The plugin types the runtime runs, as a host gives them (the plugin-type packages' runtime bindings).
const types = await Promise.all(
  ['cli', 'postrenderer'].map(async (t) => {
    const mod = await import(path.join(root, `packages/plugin-type-${t}/dist/runtime.js`));
    return t === 'cli' ? mod.cliRuntimeBinding : mod.postRendererRuntimeBinding;
  }),
);
const { loadWasmPluginDir } = await dist('testing.js');
const { rewritePluginModule } = await dist('wasm/rewrite.js');
const { kernelModule, newKernelMemory } = await dist('kernel/kernel-module.js');
const { INPUT_AT, KernelMemory } = await dist('kernel/kernel-memory.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const MiB = 1024 * 1024;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// An empty plugin, by hand: output `{}`, return 0.
const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const str = (s) => [...leb(s.length), ...Buffer.from(s)];
const sec = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const I32 = 0x7f;
const I64 = 0x7e;
const body = [
  1,
  1,
  I64, // one i64 local
  0x42,
  2,
  0x10,
  0,
  0x22,
  0,
  0x41,
  0xfb,
  0,
  0x10,
  1, // a = alloc(2); store_u8(a, '{')
  0x20,
  0,
  0x42,
  1,
  0x7c,
  0x41,
  0xfd,
  0,
  0x10,
  1, // store_u8(a + 1, '}')
  0x20,
  0,
  0x42,
  2,
  0x10,
  2, // output_set(a, 2)
  0x41,
  0,
  0x0b,
];
const emptyWasm = new Uint8Array([
  0,
  0x61,
  0x73,
  0x6d,
  1,
  0,
  0,
  0,
  ...sec(1, [4, 0x60, 1, I64, 1, I64, 0x60, 2, I64, I32, 0, 0x60, 2, I64, I64, 0, 0x60, 0, 1, I32]),
  ...sec(2, [
    3,
    ...str('extism:host/env'),
    ...str('alloc'),
    0,
    0,
    ...str('extism:host/env'),
    ...str('store_u8'),
    0,
    1,
    ...str('extism:host/env'),
    ...str('output_set'),
    0,
    2,
  ]),
  ...sec(3, [1, 3]),
  ...sec(5, [1, 0, 1]),
  ...sec(7, [2, ...str('memory'), 2, 0, ...str('helm_plugin_main'), 0, 3]),
  ...sec(10, [1, ...leb(body.length), ...body]),
]);

const work = mkdtempSync(path.join(tmpdir(), 'helm4-wasm-bench-'));
try {
  // Warm call overhead: one plugin instance, many calls (each a fresh Wasm instance in a warm worker).
  const emptyDir = path.join(work, 'empty');
  mkdirSync(emptyDir);
  writeFileSync(path.join(emptyDir, 'plugin.wasm'), emptyWasm);
  const empty = await createExtismRuntime({ types }).createPlugin({
    dir: emptyDir,
    metadata: {
      apiVersion: 'v1',
      name: 'empty',
      type: 'cli/v1',
      runtime: 'extism/v1',
      version: '0.1.0',
      sourceURL: '',
      config: {},
      runtimeConfig: {},
    },
  });
  const call = () => empty.invoke({ message: { extraArgs: [] } });
  for (let i = 0; i < 300; i++) await call();
  const batch = async (n, f) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await f();
    return (performance.now() - t0) / n;
  };
  const warms = [];
  for (let r = 0; r < RUNS; r++) warms.push(await batch(100, call));
  // Baseline: what a fresh instance costs by itself (the same rewritten module and our kernel, no SDK, no worker).
  const rewritten = new WebAssembly.Module(
    rewritePluginModule(emptyWasm, { maxPages: 16_384, entryFuncName: 'helm_plugin_main' }).bytes,
  );
  const memory = newKernelMemory();
  const k = new WebAssembly.Instance(kernelModule(), { env: { memory } }).exports;
  const bare = () => {
    k.reset(1_000_000n);
    new WebAssembly.Instance(rewritten, { 'extism:host/env': k }).exports.__helm_entry();
  };
  for (let i = 0; i < 300; i++) bare();
  const instances = [];
  for (let r = 0; r < RUNS; r++) instances.push(await batch(100, async () => bare()));

  // 10 MiB of manifests through the example post-renderer. Each run starts from a collected heap (gc() outside the
  // timing, as benchmark harnesses do): a run then reuses the memory earlier runs freed. The first run of the
  // process, which touches fresh memory throughout, is reported on its own.
  const doc = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n  namespace: default\ndata:\n  key: "${'v'.repeat(900)}"\n---\n`;
  const manifests = Buffer.from(doc.repeat(Math.ceil((10 * MiB) / doc.length))).toString('latin1');
  const rendererDir = path.join(work, 'postrenderer-label');
  mkdirSync(rendererDir);
  for (const f of ['plugin.yaml', 'plugin.wasm']) {
    copyFileSync(path.join(root, 'examples/postrenderer-label', f), path.join(rendererDir, f));
  }
  const renderer = await createExtismRuntime({ types }).createPlugin(await loadWasmPluginDir(rendererDir));
  await renderer.invoke({ message: { manifests: doc, extraArgs: [] } });
  gc();
  const rss0 = process.memoryUsage().rss;
  const render = async () => {
    const t0 = performance.now();
    const out = await renderer.invoke({ message: { manifests, extraArgs: [] } });
    const ms = performance.now() - t0;
    if (out.message.manifests.length <= manifests.length) throw new Error('post-renderer output too short');
    return ms;
  };
  const firstMs = await render();
  const rssPeak = process.resourceUsage().maxRSS * 1024;
  const renders = [];
  for (let r = 0; r < Math.max(5, Math.ceil(RUNS / 2)); r++) {
    gc();
    renders.push(await render());
  }
  const renderMs = median(renders);

  // Where the time goes, in this process: the host's two halves of a call (the message into the kernel memory,
  // the output message out of it, of which making the 10 MiB result string), and a JSON round trip as baseline.
  const kernel = new KernelMemory();
  const message = { manifests, extraArgs: [] };
  const sample = (f) => {
    const xs = [];
    for (let r = 0; r < 7; r++) {
      gc();
      const t0 = performance.now();
      f();
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  let inputLength = 0;
  const writeMs = sample(() => {
    inputLength = kernel.writeInput(message);
  });
  const reads = [];
  for (let r = 0; r < 7; r++) {
    kernel.writeInput(message); // read in place: the output is the input's JSON, as big
    gc();
    const t0 = performance.now();
    kernel.readOutput(INPUT_AT, inputLength);
    reads.push(performance.now() - t0);
  }
  const readMs = median(reads);
  const raw = Buffer.from(manifests, 'latin1');
  const stringMs = sample(() => raw.toString('latin1'));
  const jsonMs = sample(() => JSON.parse(new TextDecoder().decode(new TextEncoder().encode(JSON.stringify(message)))));
  // Fresh memory: what first touching 10 MiB costs on this machine (the first run pays it for every buffer).
  const freshMs = sample(() => {
    const m = new WebAssembly.Memory({ initial: 160 });
    const u = new Uint8Array(m.buffer);
    for (let i = 0; i < u.length; i += 4096) u[i] = 1;
  });
  const size = manifests.length / 1e6;
  sharedWorkerPool().close();
  console.log(
    JSON.stringify({
      warmMs: median(warms),
      instanceMs: median(instances),
      mbPerS: size / (renderMs / 1000),
      firstMbPerS: size / (firstMs / 1000),
      jsonMbPerS: size / (jsonMs / 1000),
      manifestsMiB: manifests.length / MiB,
      rssDeltaMiB: (rssPeak - rss0) / MiB,
      parts: {
        renderMs,
        firstMs,
        writeMs,
        readMs,
        stringMs,
        guestMs: Math.max(0, renderMs - writeMs - readMs),
        freshMs10MiB: freshMs,
      },
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
