// Benchmarks. Each figure is printed as a ratio to a baseline measured in the same run (the machine is noisy;
// only ratios within one run mean anything). Run with `pnpm bench` (builds first).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const helm = path.join(root, 'apps/helm/bin/run.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(cmd, args, env, { before } = {}) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    samples.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  }
  return median(samples);
}

function generatePlugins(dir, n) {
  for (let i = 0; i < n; i++) {
    const name = `plugin-${String(i).padStart(3, '0')}`;
    mkdirSync(path.join(dir, name), { recursive: true });
    const legacy = i % 4 === 0;
    writeFileSync(
      path.join(dir, name, 'plugin.yaml'),
      legacy
        ? `name: ${name}\nversion: 1.${i}.0\nusage: plugin ${i}\ndescription: generated\ncommand: $HELM_PLUGIN_DIR/run.sh\nhooks:\n  install: echo hi\n`
        : `apiVersion: v1\nname: ${name}\ntype: ${i % 3 === 0 ? 'getter/v1' : 'cli/v1'}\nruntime: subprocess\nversion: 0.${i}.1\nsourceURL: https://example.com/${name}\n${
            i % 3 === 0
              ? `config:\n  protocols: [p${i}]\n`
              : `config:\n  usage: ${name} [args]\n  shortHelp: generated\n`
          }runtimeConfig:\n  platformCommand:\n    - os: linux\n      command: \${HELM_PLUGIN_DIR}/bin/run\n      args: [--flag]\n`,
    );
    // Installed plugins are not seconds old; a plugin.yaml that is stays out of the index cache (racy-stat rule).
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(dir, name, 'plugin.yaml'), anHourAgo, anHourAgo);
  }
}

const home = mkdtempSync(path.join(tmpdir(), 'helm4-bench-'));
try {
  const plugins = path.join(home, 'plugins');
  generatePlugins(plugins, 200);
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    HELM_DATA_HOME: path.join(home, 'data'),
    HELM_CACHE_HOME: path.join(home, 'cache'),
    HELM_CONFIG_HOME: path.join(home, 'config'),
    HELM_PLUGINS: plugins,
  };
  const baseline = time(process.execPath, ['-e', '0'], env);
  spawnSync(process.execPath, [helm, 'plugin', 'list'], { env }); // fills the plugin index cache
  const warm = time(process.execPath, [helm, 'plugin', 'list'], env);
  const cacheFile = path.join(env.HELM_CACHE_HOME, 'plugin-index.json');
  const cold = time(process.execPath, [helm, 'plugin', 'list'], env, {
    before: () => rmSync(cacheFile, { force: true }),
  });
  const oclif = time(process.execPath, [helm, 'plugin', 'list'], { ...env, HELM4_NO_FAST_PATH: '1' });
  const row = (label, ms, target) =>
    `${label.padEnd(52)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / baseline).toFixed(2).padStart(5)}x${target ? `  (target ${target})` : ''}`;
  console.log(`median of ${RUNS} runs each; baseline = node -e 0`);
  console.log(row('node -e 0 (baseline)', baseline));
  console.log(row('helm plugin list, 200 plugins', warm, '<= 2.5x'));
  console.log(row('helm plugin list, 200 plugins, no index cache (cold)', cold));
  console.log(row('helm plugin list, 200 plugins, through oclif', oclif));
} finally {
  rmSync(home, { recursive: true, force: true });
}
