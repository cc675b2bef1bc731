// The guest's own cost on 10 MiB of manifests: plugin.wasm, rewritten as the runtime does, linked to the runtime's
// Wasm kernel in this thread (no worker, no JSON in the host), one fresh instance per call as in the runtime.
// Two kinds of manifests: the ConfigMaps of packages/wasm-runtime/bench/in-process.mjs (few, long lines) and
// chart-like Deployments (many short lines). Prints, per plugin and kind, the median and fastest call and the
// guest's memory. Several plugins (e.g. an older build) are measured in turns, for a fair comparison.
//   node bench/guest.mjs [plugin.wasm …]   (from examples/postrenderer-label, after `pnpm build` at the root)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = (p) => import(path.join(root, 'packages/wasm-runtime/dist', p));
const { rewritePluginModule } = await dist('wasm/rewrite.js');
const kernel = await dist('kernel/kernel-module.js');
const MiB = 1024 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const LABEL = 'helm4.example.com/post-rendered=wasm';

const files =
  process.argv.length > 2 ? process.argv.slice(2) : [fileURLToPath(new URL('../plugin.wasm', import.meta.url))];
const modules = files.map(
  (f) =>
    new WebAssembly.Module(
      rewritePluginModule(readFileSync(f), { maxPages: 4096, entryFuncName: 'helm_plugin_main' }).bytes,
    ),
);
const memory = kernel.newKernelMemory?.() ?? new WebAssembly.Memory({ initial: 1, maximum: 65_536 });
const k = new WebAssembly.Instance(kernel.kernelModule(), { env: { memory } }).exports;
const enc = new TextEncoder();
const dec = new TextDecoder();

function put(bytes) {
  const at = k.alloc(BigInt(bytes.length));
  if (at === 0n) throw new Error('kernel alloc failed');
  new Uint8Array(memory.buffer, Number(at), bytes.length).set(bytes);
  return at;
}
const read = (at, n) => dec.decode(new Uint8Array(memory.buffer, Number(at), Number(n)).slice());
const env = {
  ...k,
  config_get: (key) => (read(key, k.length(key)) === 'label' ? put(enc.encode(LABEL)) : 0n),
  var_get: () => 0n,
  var_set: () => {},
  log_info: () => {},
  log_warn: () => {},
  log_debug: () => {},
  log_error: () => {},
};

/** One call on a fresh instance: [ms, guest memory bytes, output]. */
function call(module, input) {
  k.reset(1n << 31n);
  k.set_input(put(input), BigInt(input.length));
  const instance = new WebAssembly.Instance(module, { 'extism:host/env': env });
  const t0 = performance.now();
  instance.exports.__helm_entry();
  const ms = performance.now() - t0;
  if (instance.exports.__helm_rc.value !== 0) throw new Error(read(k.error_get(), k.length(k.error_get())));
  return [ms, instance.exports.memory.buffer.byteLength, read(k.out_ptr.value, k.out_len.value)];
}

const configMap = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n  namespace: default\ndata:\n  key: "${'v'.repeat(900)}"\n---\n`;
const deployment = `---
# Source: demo/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: demo-web
  labels:
    app.kubernetes.io/name: demo
    app.kubernetes.io/instance: demo
    helm.sh/chart: demo-0.1.0
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: demo
  template:
    metadata:
      labels:
        app.kubernetes.io/name: demo
    spec:
      containers:
        - name: demo
          image: "nginx:1.16.0"
          ports:
            - name: http
              containerPort: 80
              protocol: TCP
          resources:
            limits:
              cpu: 100m
              memory: 128Mi
`;
const label = '    helm4.example.com/post-rendered: "wasm"\n';
const kinds = {
  configMaps: [configMap, configMap.replace('metadata:\n', `metadata:\n  labels:\n${label}`)],
  deployments: [deployment, deployment.replace('    helm.sh/chart: demo-0.1.0\n', `$&${label}`)],
};

for (const [kind, [doc, labelled]] of Object.entries(kinds)) {
  const n = Math.ceil((10 * MiB) / doc.length);
  const input = enc.encode(JSON.stringify({ manifests: doc.repeat(n), extraArgs: [] }));
  const expected = labelled.repeat(n);
  const times = modules.map(() => []);
  const guestBytes = modules.map(() => 0);
  for (let r = 0; r < RUNS; r++) {
    modules.forEach((module, m) => {
      const [ms, bytes, out] = call(module, input);
      if (r === 0 && JSON.parse(out).manifests !== expected) throw new Error(`${files[m]}: unexpected output`);
      times[m].push(ms);
      guestBytes[m] = bytes;
    });
  }
  modules.forEach((_, m) => {
    const t = times[m].sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        plugin: path.relative(process.cwd(), files[m]),
        manifests: `${((doc.length * n) / MiB).toFixed(1)} MiB of ${kind}`,
        medianMs: +t[t.length >> 1].toFixed(1),
        minMs: +t[0].toFixed(1),
        guestMemoryMiB: +(guestBytes[m] / MiB).toFixed(2),
      }),
    );
  });
}
