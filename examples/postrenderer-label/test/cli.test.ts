import { describe, expect, it } from 'vitest';
import { helmHomeWith, runOurHelm } from '../../interop-support.js';

describe('postrenderer-label through our helm', () => {
  it('labels the manifests of `helm post-render --post-renderer postrenderer-label`', async () => {
    using home = helmHomeWith(['postrenderer-label']);
    const manifests = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n';
    const r = await runOurHelm(
      ['post-render', '--post-renderer', 'postrenderer-label', '--post-renderer-args', 'team=platform'],
      home.env,
      manifests,
    );
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    team: "platform"\n  name: demo\n',
    );
  });
});
