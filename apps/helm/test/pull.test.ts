import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOurs, runOursAsync, runReal, tempHelmHome } from './support.js';

const CHART = Buffer.from('not really a chart, but helm pull does not look inside\n');

/** A getter/v1 plugin for `tst://` that prints `payload` (and logs its arguments on stderr). */
function getterPlugin(root: string, payload: string, exit = 0): string {
  const plugins = path.join(root, 'plugins');
  const dir = path.join(plugins, 'tget');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'plugin.yaml'),
    'apiVersion: v1\nname: tget\nversion: 0.1.0\ntype: getter/v1\nruntime: subprocess\nconfig:\n  protocols: [tst]\nruntimeConfig:\n  protocolCommands:\n    - protocols: [tst]\n      platformCommand:\n        - command: get.sh\n',
  );
  writeFileSync(path.join(dir, 'get.sh'), `#!/bin/sh\ncat "${payload}"\nexit ${exit}\n`, { mode: 0o755 });
  return plugins;
}

function setup(home: ReturnType<typeof tempHelmHome>, exit = 0) {
  const payload = path.join(home.root, 'payload.tgz');
  writeFileSync(payload, CHART);
  const out = path.join(home.root, 'out');
  mkdirSync(out);
  return { out, env: { ...home.env, HELM_PLUGINS: getterPlugin(home.root, payload, exit) } };
}

describe('helm pull through a getter plugin', () => {
  it('writes <dest>/<basename of the URL path>, exactly as real Helm does', () => {
    using home = tempHelmHome();
    const { out, env } = setup(home);
    const url = 'tst://host/charts/my%20chart-0.1.0.tgz?x=1';
    const ours = runOurs(['pull', url, '-d', out], env);
    expect(ours).toMatchObject({ status: 0, stdout: '' });
    const real = path.join(home.root, 'real');
    mkdirSync(real);
    expect(runReal(['pull', url, '-d', real], env).status).toBe(0);
    expect(readFileSync(path.join(out, 'my chart-0.1.0.tgz'))).toEqual(CHART);
    expect(readFileSync(path.join(real, 'my chart-0.1.0.tgz'))).toEqual(CHART);
  });

  it('--json reports what was written; fetch is an alias', () => {
    using home = tempHelmHome();
    const { out, env } = setup(home);
    const r = runOurs(['fetch', 'tst://h/a-1.0.0.tgz', 'tst://h/b-1.0.0.tgz', '-d', out, '--json'], env);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      pulled: [
        { ref: 'tst://h/a-1.0.0.tgz', path: path.join(out, 'a-1.0.0.tgz'), bytes: CHART.length },
        { ref: 'tst://h/b-1.0.0.tgz', path: path.join(out, 'b-1.0.0.tgz'), bytes: CHART.length },
      ],
    });
  });

  it('finds getter plugins on every directory of a HELM_PLUGINS path list (Helm 4 does not: docs/compat.md)', () => {
    using home = tempHelmHome();
    const { out, env } = setup(home);
    const list = { ...env, HELM_PLUGINS: `${path.join(home.root, 'none')}${path.delimiter}${env.HELM_PLUGINS}` };
    expect(runOurs(['pull', 'tst://h/c-1.0.0.tgz', '-d', out], list).status).toBe(0);
    expect(runReal(['pull', 'tst://h/c-1.0.0.tgz', '-d', out], list).stderr).toMatch(/scheme "tst" not supported/);
  });

  it('--untar expands a real chart archive into the destination', () => {
    using home = tempHelmHome();
    const { out, env } = setup(home);
    const chart = path.join(home.root, 'src', 'mychart');
    mkdirSync(chart, { recursive: true });
    writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: mychart\nversion: 0.1.0\n');
    const r = spawnSync('tar', ['czf', path.join(home.root, 'payload.tgz'), '-C', path.dirname(chart), 'mychart']);
    expect(r.status).toBe(0);
    expect(runOurs(['pull', 'tst://h/mychart-0.1.0.tgz', '-d', out, '--untar'], env).status).toBe(0);
    expect(readFileSync(path.join(out, 'mychart', 'Chart.yaml'), 'utf8')).toContain('name: mychart');
  });

  it('fails with one coded line: unknown scheme, missing destination, not a URL, failing getter, --untar of a non-archive', () => {
    using home = tempHelmHome();
    const { out, env } = setup(home);
    const code = (args: string[], e = env) => {
      const r = runOurs(['pull', ...args], e);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/\n {4}at /);
      return r.stderr.match(/^Error: .* \[([A-Z_]+)\]\n/)?.[1];
    };
    expect(code(['nosuch://h/x.tgz', '-d', out])).toBe('GETTER_NO_PROVIDER');
    expect(code(['tst://h/x.tgz', '-d', path.join(out, 'missing')])).toBe('CLI_PULL_DEST_MISSING');
    expect(code(['stable/mychart', '-d', out])).toBe('CLI_PULL_NOT_A_URL');
    expect(code(['tst://h/x.tgz', '-d', out, '--untar'])).toBe('CLI_UNTAR_FAILED');
    using failingHome = tempHelmHome();
    const failing = setup(failingHome, 4);
    expect(code(['tst://h/x.tgz', '-d', failing.out], failing.env)).toMatch(/^GETTER_/);
  });
});

describe('helm pull over http', () => {
  it('uses the built-in http getter', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/charts/web-1.2.3.tgz') res.end(CHART);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      using home = tempHelmHome();
      const { out, env } = setup(home);
      const { port } = server.address() as AddressInfo;
      const r = await runOursAsync(['pull', `http://127.0.0.1:${port}/charts/web-1.2.3.tgz`, '-d', out], env);
      expect(r).toMatchObject({ status: 0, stdout: '', stderr: '' });
      expect(readFileSync(path.join(out, 'web-1.2.3.tgz'))).toEqual(CHART);
      const missing = await runOursAsync(['pull', `http://127.0.0.1:${port}/charts/nope-1.0.0.tgz`, '-d', out], env);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/\[GETTER_HTTP_[A-Z_]+\]/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
