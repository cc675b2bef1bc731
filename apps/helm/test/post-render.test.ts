import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmFixtures, runOurs, runReal, tempHelmHome, withoutHelmWarnings } from './support.js';

/** A chart whose one template has FOOTEST in it (the fixture post-renderer replaces it). */
function chart(root: string): string {
  const dir = path.join(root, 'chart');
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  writeFileSync(
    path.join(dir, 'templates', 'cm.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: FOOTEST\n  b: "{{ .Release.Name }}"\n',
  );
  return dir;
}

describe('helm post-render', () => {
  it.each([[[]], [['--post-renderer-args', 'x', '--post-renderer-args', 'y z']]])(
    'gives what helm template --post-renderer gives, for the rendered manifests on stdin (%j)',
    (extra) => {
      using home = tempHelmHome();
      const env = { ...home.env, HELM_PLUGINS: helmFixtures.postrenderers };
      const dir = chart(home.root);
      const rendered = runReal(['template', dir], env);
      expect(rendered.status).toBe(0);
      const real = runReal(['template', dir, '--post-renderer', 'postrenderer-v1', ...extra], env);
      const ours = runOurs(['post-render', '--post-renderer', 'postrenderer-v1', ...extra], env, rendered.stdout);
      expect(ours.stderr).toBe('');
      expect(ours.status).toBe(0);
      expect(ours.stdout).toBe(real.stdout);
      expect(ours.stdout).toContain(extra.length === 0 ? 'a: BARTEST' : 'a: x y z');
    },
  );

  it('finds the plugin on a HELM_PLUGINS path list', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: `${home.root}/none${path.delimiter}${helmFixtures.helmhome}` };
    const r = runOurs(['post-render', '--post-renderer', 'postrenderer-v1'], env, 'x: FOOTEST\n');
    expect(r).toMatchObject({ status: 0, stdout: 'x: BARTEST\n', stderr: '' });
  });

  it('refuses a repeated --post-renderer like Helm, and names a missing plugin as Helm does', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.postrenderers };
    const twice = runOurs(['post-render', '--post-renderer', 'postrenderer-v1', '--post-renderer', 'b'], env, 'a\n');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(
      /^Error: cannot specify --post-renderer flag more than once \[CLI_POST_RENDERER_REPEATED\]\n {2}hint: .*\n$/,
    );
    const realTwice = runReal(
      ['template', chart(home.root), '--post-renderer', 'postrenderer-v1', '--post-renderer', 'b'],
      env,
    );
    expect(withoutHelmWarnings(realTwice.stderr)).toContain('cannot specify --post-renderer flag more than once');
    const missing = runOurs(['post-render', '--post-renderer', 'nope'], env, 'a\n');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      'Error: plugin: {Name:nope Type:postrenderer/v1} not found [MANIFEST_PLUGIN_NOT_FOUND]\n',
    );
  });

  it('fails with the post-renderer codes when the plugin fails or prints nothing', () => {
    using home = tempHelmHome();
    const dir = path.join(home.root, 'plugins', 'pr');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'plugin.yaml'),
      'apiVersion: v1\nname: pr\ntype: postrenderer/v1\nruntime: subprocess\nversion: 1.0.0\nruntimeConfig:\n  platformCommand:\n    - command: $HELM_PLUGIN_DIR/run.sh\n',
    );
    writeFileSync(path.join(dir, 'run.sh'), '#!/bin/sh\ncat >/dev/null\n[ "$1" = fail ] && exit 3\nexit 0\n', {
      mode: 0o755,
    });
    const env = { ...home.env, HELM_PLUGINS: path.dirname(dir) };
    const empty = runOurs(['post-render', '--post-renderer', 'pr'], env, 'a: 1\n');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/\[POSTRENDERER_EMPTY_OUTPUT\]/);
    const failed = runOurs(['post-render', '--post-renderer', 'pr', '--post-renderer-args', 'fail'], env, 'a: 1\n');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^Error: failed to invoke post-renderer plugin "pr": .* \[POSTRENDERER_FAILED\]\n/);
  });
});
