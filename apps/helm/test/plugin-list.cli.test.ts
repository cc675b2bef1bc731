import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runOurs, tempHelmHome } from './support.js';

describe('helm plugin list (our behaviour)', () => {
  it('notices an edited plugin.yaml on the next run (the plugin index cache is keyed by file identity)', () => {
    using home = tempHelmHome();
    const plugins = path.join(home.root, 'plugins');
    cpSync(path.join(repoRoot, 'demo/plugins'), plugins, { recursive: true });
    const env = { ...home.env, HELM_PLUGINS: plugins };
    const first = runOurs(['plugin', 'list'], env);
    expect(first.stdout).toMatch(/^hello\s+\t0\.1\.0/m);
    expect(runOurs(['plugin', 'list'], env).stdout).toBe(first.stdout);
    const manifest = path.join(plugins, 'hello/plugin.yaml');
    writeFileSync(manifest, `apiVersion: v1\nname: hello\ntype: cli/v1\nruntime: subprocess\nversion: 0.2.0\n`);
    expect(runOurs(['plugin', 'list'], env).stdout).toMatch(/^hello\s+\t0\.2\.0/m);
  });

  it('answers the same through oclif as through the fast path', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: path.join(repoRoot, 'demo/plugins') };
    const fast = runOurs(['plugin', 'list'], env);
    const viaOclif = runOurs(['plugin', 'list'], { ...env, HELM4_NO_FAST_PATH: '1' });
    expect(viaOclif.status).toBe(0);
    expect(viaOclif.stdout).toBe(fast.stdout);
    expect(viaOclif.stderr).toBe(fast.stderr);
    const fastJson = runOurs(['plugin', 'list', '--json'], env);
    const oclifJson = runOurs(['plugin', 'list', '--json'], { ...env, HELM4_NO_FAST_PATH: '1' });
    expect(JSON.parse(oclifJson.stdout)).toEqual(JSON.parse(fastJson.stdout));
  });

  it('shows help for plugin list', () => {
    using home = tempHelmHome();
    const r = runOurs(['plugin', 'list', '--help'], home.env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--type');
    expect(r.stdout).toContain('quarantined');
  });
});
