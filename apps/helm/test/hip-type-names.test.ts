import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOurs, tempHelmHome } from './support.js';

// HIP-0026 names the plugin types `<kind>.plugins.helm.sh/v1`; Helm 4 shipped `cli/v1`, `getter/v1`,
// `postrenderer/v1`. Both spellings load; `plugin list` shows the shipped name.
const MAPPING = [
  ['cli.plugins.helm.sh/v1', 'cli/v1', ''],
  ['download.plugins.helm.sh/v1', 'getter/v1', 'config:\n  protocols: [hip]\n'],
  ['postrender.plugins.helm.sh/v1', 'postrenderer/v1', ''],
] as const;

describe('HIP-0026 long plugin type names', () => {
  it('load as the shipped short names, and unknown long names are MANIFEST_UNKNOWN_TYPE', () => {
    using home = tempHelmHome();
    const plugins = path.join(home.root, 'plugins');
    const write = (name: string, type: string, extra: string) => {
      mkdirSync(path.join(plugins, name), { recursive: true });
      writeFileSync(
        path.join(plugins, name, 'plugin.yaml'),
        `apiVersion: v1\nname: ${name}\ntype: ${type}\nruntime: subprocess\nversion: 1.0.0\n${extra}`,
      );
    };
    for (const [i, [long, , extra]] of MAPPING.entries()) write(`hip-${i}`, long, extra);
    write('hip-unknown', 'render.plugins.helm.sh/v1', '');
    const r = runOurs(['plugin', 'list', '--json'], { ...home.env, HELM_PLUGINS: plugins });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      plugins: { name: string; type: string }[];
      quarantined: { name?: string; issues: { code: string }[] }[];
    };
    expect(out.plugins.map((p) => [p.name, p.type])).toEqual(MAPPING.map(([, short], i) => [`hip-${i}`, short]));
    expect(out.quarantined.map((q) => [q.name, q.issues.map((i) => i.code)])).toEqual([
      ['hip-unknown', ['MANIFEST_UNKNOWN_TYPE']],
    ]);
    // A long name works as a --type filter too.
    const filtered = runOurs(['plugin', 'list', '--type', 'download.plugins.helm.sh/v1'], {
      ...home.env,
      HELM_PLUGINS: plugins,
    });
    expect(filtered.stdout.split('\n').filter((l) => l.startsWith('hip-'))).toHaveLength(1);
    expect(filtered.stdout).toMatch(/^hip-1\s.*getter\/v1/m);
  });
});
