import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isHelm4Error } from '@helm4/errors';
import { describe, expect, it } from 'vitest';
import { tempHelmHome } from '../test/support.js';
import { archiveName, pullCharts, type TarModule } from './pull.js';

describe('archiveName (Helm: filepath.Base of the URL path)', () => {
  it('takes the decoded last path element of an absolute URL', () => {
    expect(archiveName('https://example.com/charts/app-1.0.0.tgz')).toBe('app-1.0.0.tgz');
    expect(archiveName('s3://bucket/a/b/app%20x-1.0.0.tgz?versionId=3#f')).toBe('app x-1.0.0.tgz');
    expect(archiveName('tst://host/app')).toBe('app');
  });

  it('refuses what is not an absolute URL with a path', () => {
    for (const ref of ['stable/app', 'app-1.0.0.tgz', 'https://example.com', 'https://example.com/', 'tst:app']) {
      let caught: unknown;
      try {
        archiveName(ref);
      } catch (err) {
        caught = err;
      }
      expect(isHelm4Error(caught, 'CLI_PULL_NOT_A_URL')).toBe(true);
    }
  });
});

/** A stand-in for the tar package: "extracts" a chart directory named after the archive. */
const fakeTar: TarModule = {
  async x({ file, cwd }) {
    const name = path.basename(file).replace(/-[0-9].*$/, '');
    mkdirSync(path.join(cwd, name));
    writeFileSync(path.join(cwd, name, 'Chart.yaml'), readFileSync(file));
  },
};

describe('pullCharts --untar', () => {
  it('expands into <destination>/<untardir> and refuses to replace an existing chart directory', async () => {
    using home = tempHelmHome();
    const plugins = path.join(home.root, 'plugins', 'g');
    mkdirSync(plugins, { recursive: true });
    writeFileSync(
      path.join(plugins, 'plugin.yaml'),
      'apiVersion: v1\nname: g\nversion: 0.1.0\ntype: getter/v1\nruntime: subprocess\nconfig:\n  protocols: [tst]\nruntimeConfig:\n  protocolCommands:\n    - protocols: [tst]\n      platformCommand:\n        - command: get.sh\n',
    );
    writeFileSync(path.join(plugins, 'get.sh'), '#!/bin/sh\necho "name: app"\n', { mode: 0o755 });
    const env = { ...home.env, HELM_PLUGINS: path.dirname(plugins), PATH: process.env['PATH'] };
    const dest = path.join(home.root, 'dest');
    mkdirSync(dest);
    const opts = { destination: dest, untar: true, untardir: 'charts', loadTar: async () => fakeTar };
    const [result] = await pullCharts(['tst://h/app-1.0.0.tgz'], opts, env);
    expect(result?.path).toBe(path.join(dest, 'charts', 'app'));
    expect(readFileSync(path.join(dest, 'charts', 'app', 'Chart.yaml'), 'utf8')).toBe('name: app\n');
    expect(readdirSync(path.join(dest, 'charts'))).toEqual(['app']);
    await expect(pullCharts(['tst://h/app-1.0.0.tgz'], opts, env)).rejects.toMatchObject({
      code: 'CLI_PULL_UNTAR_EXISTS',
    });
    expect(readdirSync(path.join(dest, 'charts'))).toEqual(['app']);
    await expect(
      pullCharts(['tst://h/app-1.0.0.tgz'], { ...opts, loadTar: async () => undefined }, env),
    ).rejects.toMatchObject({ code: 'CLI_UNTAR_UNAVAILABLE' });
  });
});
