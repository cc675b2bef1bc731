// The main job: shows the plugin system working on an isolated, temporary Helm home.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const helm = path.join(root, 'apps/helm/bin/run.js');
const home = mkdtempSync(path.join(tmpdir(), 'helm4-demo-'));
const env = {
  ...process.env,
  HELM_DATA_HOME: path.join(home, 'data'),
  HELM_CACHE_HOME: path.join(home, 'cache'),
  HELM_CONFIG_HOME: path.join(home, 'config'),
};
delete env.HELM_PLUGINS;

function step(title, args) {
  process.stdout.write(`\n\x1b[1m$ helm ${args.join(' ')}\x1b[0m   # ${title}\n`);
  const r = spawnSync(process.execPath, [helm, ...args], { env, stdio: 'inherit' });
  if (r.status !== 0) process.stdout.write(`(exit code ${r.status})\n`);
}

try {
  process.stdout.write(`Isolated Helm home: ${home}\n`);
  cpSync(path.join(root, 'demo/plugins'), path.join(env.HELM_DATA_HOME, 'plugins'), { recursive: true });
  process.stdout.write(`Copied the demo plugins (demo/plugins) into ${path.join(env.HELM_DATA_HOME, 'plugins')}\n`);
  step('the HELM_* environment plugins receive', ['env']);
  step("Helm 4's table; the broken plugin is quarantined, not hidden", ['plugin', 'list']);
  step('filter by type', ['plugin', 'list', '--type', 'getter/v1']);
  step('the HIP-0026 long type name works as a filter too', ['plugin', 'ls', '--type', 'download.plugins.helm.sh/v1']);
  step('machine-readable output', ['plugin', 'list', '--type', 'postrenderer/v1', '--json']);
  process.stdout.write('\nDemo done.\n');
} finally {
  rmSync(home, { recursive: true, force: true });
}
