import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runOurs, runReal, tempHelmHome } from './support.js';

const example = path.join(repoRoot, 'examples/cli-hello');

/** examples/cli-hello laid out as HIP-0026 says: `cli-hello.wasm` beside plugin.yaml, no plugin.wasm. */
function hipLayout(root: string): string {
  expect(existsSync(path.join(example, 'plugin.wasm')), 'build the examples first (turbo run build)').toBe(true);
  const dir = path.join(root, 'src', 'cli-hello');
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(example, 'plugin.yaml'), path.join(dir, 'plugin.yaml'));
  cpSync(path.join(example, 'plugin.wasm'), path.join(dir, 'cli-hello.wasm'));
  return dir;
}

describe("HIP-0026's NAME.wasm layout (Helm 4 reads only plugin.wasm)", () => {
  it('package works with a WARNING on stderr; installed, the plugin runs here, and not in real Helm', () => {
    using home = tempHelmHome();
    const src = hipLayout(home.root);
    const dest = path.join(home.root, 'dist');
    const pack = runOurs(['plugin', 'package', src, '--sign=false', '-d', dest], home.env);
    expect(pack.status).toBe(0);
    const tgz = path.join(dest, 'cli-hello-0.1.0.tgz');
    expect(pack.stdout).toBe(
      'WARNING: Skipping plugin signing. This is not recommended for plugins intended for distribution.\n' +
        `Successfully packaged plugin and saved it to: ${tgz}\n`,
    );
    expect(pack.stderr).toBe(
      "WARNING: cli-hello.wasm (HIP-0026's layout) is run by this helm, but Helm 4 only reads plugin.wasm: rename it to plugin.wasm for the plugin to work with Helm 4 too\n",
    );
    const install = runOurs(['plugin', 'install', tgz, '--verify=false'], home.env);
    expect(install.status, install.stderr).toBe(0);
    const ours = runOurs(['cli-hello', 'a'], home.env);
    expect(ours).toMatchObject({ status: 0, stderr: '' });
    expect(ours.stdout).toBe('Hello from a Wasm plugin!\nargs: a\nHELM_NAMESPACE: default\n');
    // What the warning says: Helm 4 does not find the binary. Its `plugin package` refuses such a directory.
    const theirs = runReal(['cli-hello', 'a'], home.env);
    expect(theirs.status).not.toBe(0);
    expect(theirs.stderr).toContain('plugin.wasm');
    const realPack = runReal(['plugin', 'package', src, '--sign=false', '-d', path.join(home.root, 'r')], home.env);
    expect(realPack.status).toBe(1);
    expect(realPack.stderr).toContain('wasm binary missing for extism/v1 plugin');
  });

  it('a directory with neither plugin.wasm nor NAME.wasm is refused like Helm refuses it', () => {
    using home = tempHelmHome();
    const src = path.join(home.root, 'src', 'cli-hello');
    mkdirSync(src, { recursive: true });
    cpSync(path.join(example, 'plugin.yaml'), path.join(src, 'plugin.yaml'));
    const args = ['plugin', 'package', src, '--sign=false', '-d', path.join(home.root, 'out')];
    const ours = runOurs(args, home.env);
    const real = runReal(args, home.env);
    expect(ours.status).toBe(1);
    expect(real.status).toBe(1);
    expect(ours.stderr.split('\n')[0]).toMatch(
      /^Error: invalid plugin directory: wasm binary missing for extism\/v1 plugin: ".*plugin\.wasm" \[DIST_INVALID_PLUGIN\]$/,
    );
    expect(real.stderr).toContain(ours.stderr.split('\n')[0]?.replace(/^Error: (.*) \[DIST_INVALID_PLUGIN\]$/, '$1'));
  });
});
