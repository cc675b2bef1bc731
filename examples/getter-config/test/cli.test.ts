import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmHomeWith, runOurHelm } from '../../interop-support.js';

describe('getter-config through our helm', () => {
  it('serves `helm pull config://…`', async () => {
    using home = helmHomeWith(['getter-config']);
    const out = join(home.root, 'out');
    mkdirSync(out);
    const r = await runOurHelm(['pull', 'config://example/values.yaml', '-d', out], home.env);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'values.yaml'), 'utf8')).toBe('replicaCount: 2\nimage:\n  tag: from-config\n');
  });

  it('fails a denied mirror:// host with a clear error', async () => {
    using home = helmHomeWith(['getter-config']);
    const r = await runOurHelm(['pull', 'mirror://192.0.2.1/charts/app-1.0.0.tgz', '-d', home.root], home.env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('allowedHosts');
  });
});
