import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmHomeWith, runRealHelm } from '../../interop-support.js';

describe('postrenderer-label in the real Helm 4', () => {
  it('never receives the manifests (helm/helm#31832): Helm sends {"manifests":{}}', async () => {
    using home = helmHomeWith(['postrenderer-label']);
    const chart = join(home.root, 'demo');
    mkdirSync(join(chart, 'templates'), { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
    writeFileSync(join(chart, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n');
    const r = await runRealHelm(['template', 'demo', chart, '--post-renderer', 'postrenderer-label'], home.env);
    expect(r.status).not.toBe(0);
    // The plugin's own error: the input had no manifests string.
    expect(r.stderr).toContain('plugin error: input has no "manifests" string');
  });
});
