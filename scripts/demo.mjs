// The main job: shows the plugin system working on an isolated, temporary Helm home.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const helm = path.join(root, 'apps/helm/bin/run.js');
const keys = path.join(root, 'demo/keys');
const home = mkdtempSync(path.join(tmpdir(), 'helm4-demo-'));

function homeEnv(name) {
  const env = {
    ...process.env,
    HELM_DATA_HOME: path.join(home, name, 'data'),
    HELM_CACHE_HOME: path.join(home, name, 'cache'),
    HELM_CONFIG_HOME: path.join(home, name, 'config'),
  };
  delete env.HELM_PLUGINS;
  return env;
}

function step(title, args, env, input) {
  process.stdout.write(`\n\x1b[1m$ helm ${args.join(' ')}\x1b[0m   # ${title}\n`);
  const r = spawnSync(process.execPath, [helm, ...args], {
    env,
    input,
    stdio: [input === undefined ? 'inherit' : 'pipe', 'inherit', 'inherit'],
  });
  if (r.status !== 0) process.stdout.write(`(exit code ${r.status})\n`);
}

try {
  const env = homeEnv('user');
  const plugins = path.join(env.HELM_DATA_HOME, 'plugins');
  process.stdout.write(`Isolated Helm home: ${home}\n`);
  cpSync(path.join(root, 'demo/plugins'), plugins, { recursive: true });
  for (const example of ['cli-hello', 'postrenderer-label']) {
    const from = path.join(root, 'examples', example);
    mkdirSync(path.join(plugins, example));
    for (const file of ['plugin.yaml', 'plugin.wasm']) cpSync(path.join(from, file), path.join(plugins, example, file));
  }
  process.stdout.write(`Put demo/plugins and the Wasm examples (built from AssemblyScript) into ${plugins}\n`);

  step('the HELM_* environment plugins receive', ['env'], env);
  step("Helm 4's table; the broken plugin is quarantined, not hidden", ['plugin', 'list'], env);
  step(
    'the HIP-0026 long type name works as a filter too',
    ['plugin', 'ls', '--type', 'download.plugins.helm.sh/v1'],
    env,
  );
  step(
    'a subprocess cli/v1 plugin as a helm subcommand (global flags go to its env)',
    ['hello', 'world', '-n', 'demo-ns'],
    env,
  );
  step('a Wasm (extism/v1) cli plugin, sandboxed', ['cli-hello', 'from', 'wasm', '--namespace', 'wasm-ns'], env);
  step(
    'a Wasm post-renderer (cannot work in real Helm 4: helm/helm#31832)',
    ['post-render', '--post-renderer', 'postrenderer-label'],
    env,
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n',
  );

  const out = path.join(home, 'out');
  mkdirSync(out);
  const secret = path.join(keys, 'helm-test-key.secret');
  const pub = path.join(keys, 'helm-test-key.pub');
  step(
    'package and sign (a .prov that real Helm 4 verifies)',
    ['plugin', 'package', path.join(root, 'demo/plugins/hello'), '--key', 'helm-test', '--keyring', secret, '-d', out],
    env,
  );
  step('verify the signature', ['plugin', 'verify', path.join(out, 'hello-0.1.0.tgz'), '--keyring', pub], env);
  const other = homeEnv('other-user');
  step(
    'install the signed tarball into another home (verified by default)',
    ['plugin', 'install', path.join(out, 'hello-0.1.0.tgz'), '--keyring', pub],
    other,
  );
  step("HIP-0026's columns: who signed it, recorded at install", ['plugin', 'list', '-o', 'wide'], other);
  appendFileSync(path.join(out, 'hello-0.1.0.tgz'), 'tampered');
  step(
    'a tampered tarball is refused with a coded one-line error',
    ['plugin', 'install', path.join(out, 'hello-0.1.0.tgz'), '--keyring', pub],
    homeEnv('third-user'),
  );
  process.stdout.write('\nDemo done.\n');
} finally {
  rmSync(home, { recursive: true, force: true });
}
