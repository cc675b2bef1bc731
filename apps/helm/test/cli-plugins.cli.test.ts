import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { helmFixtures, ourHelm, runOurs, runReal, tempHelmHome } from './support.js';

/** A cli/v1 plugin that prints its name and arguments. */
function cliPlugin(dir: string, name: string, config: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(
    path.join(dir, name, 'plugin.yaml'),
    `apiVersion: v1\nname: ${name}\ntype: cli/v1\nruntime: subprocess\nversion: 1.0.0\nconfig:\n${config}\nruntimeConfig:\n  platformCommand:\n    - command: $HELM_PLUGIN_DIR/run.sh\n`,
  );
  writeFileSync(path.join(dir, name, 'run.sh'), `#!/bin/sh\necho "${name} $*"\n`, { mode: 0o755 });
}

/** alpha and beta both want `helm same`; `version` is a built-in; zzz comes after them all. */
function conflictingPlugins(root: string): string {
  const dir = path.join(root, 'plugins');
  cliPlugin(dir, 'alpha', '  usage: "same [args]"\n  shortHelp: from alpha');
  cliPlugin(dir, 'beta', '  usage: same');
  cliPlugin(dir, 'version', '  shortHelp: shadows a built-in');
  cliPlugin(dir, 'zzz', '  shortHelp: the last one');
  return dir;
}

describe('cli/v1 plugin commands: name conflicts', () => {
  it('the first plugin keeps a name, the others are quarantined with CLI_PLUGIN_NAME_CONFLICT, later ones still load', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: conflictingPlugins(home.root) };
    expect(runOurs(['same', 'x'], env)).toMatchObject({ status: 0, stdout: 'alpha x\n', stderr: '' });
    expect(runOurs(['zzz', 'y'], env)).toMatchObject({ status: 0, stdout: 'zzz y\n' });
    // The built-in answers, not the plugin named like it.
    expect(runOurs(['version', '--short'], env)).toMatchObject({ status: 0, stderr: '' });
    expect(runOurs(['version', '--short'], env).stdout).toMatch(/^v4\.1\.4\+helm4\.\d+\.\d+\.\d+\n$/);

    const list = runOurs(['plugin', 'list', '--json'], env);
    const out = JSON.parse(list.stdout) as {
      plugins: { name: string }[];
      quarantined: { name: string; issues: { code: string; path: string[] }[] }[];
    };
    expect(out.plugins.map((p) => p.name)).toEqual(['alpha', 'zzz']);
    expect(out.quarantined.map((q) => [q.name, q.issues.map((i) => [i.code, i.path])])).toEqual([
      ['beta', [['CLI_PLUGIN_NAME_CONFLICT', ['config', 'usage']]]],
      ['version', [['CLI_PLUGIN_NAME_CONFLICT', ['name']]]],
    ]);
    const table = runOurs(['plugin', 'list'], env);
    expect(table.stdout).toMatch(/^beta\s*\t1\.0\.0\s*\tcli\/v1\s*\tv1\s*\tquarantined\s*\tCLI_PLUGIN_NAME_CONFLICT/m);
    expect(table.stderr).toMatch(
      /^WARNING: plugin at ".*beta" not loaded: .*already provides it \[CLI_PLUGIN_NAME_CONFLICT\]$/m,
    );
    expect(table.stderr).toMatch(/"version" is a built-in helm command \[CLI_PLUGIN_NAME_CONFLICT\]/);
  });

  it('real Helm 4 instead stops loading every plugin after the first conflict (docs/compat.md)', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: conflictingPlugins(home.root) };
    expect(runReal(['same', 'x'], env).stdout).toBe('alpha x\n');
    const real = runReal(['zzz'], env);
    expect(real.status).toBe(1);
    expect(real.stderr).toMatch(/unknown command "zzz"/);
    expect(real.stderr).toMatch(/failed to load plugins: name conflicts/);
  });
});

describe('cli/v1 plugin commands: help', () => {
  it('helm --help lists every plugin command with its short help, and warns about conflicts', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: conflictingPlugins(home.root) };
    const r = runOurs(['--help'], env);
    expect(r.status).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf('PLUGIN COMMANDS'), r.stdout.indexOf('GLOBAL FLAGS'));
    expect(section).toBe('PLUGIN COMMANDS\n  same  from alpha\n  zzz   the last one\n\n');
    expect(r.stderr.match(/CLI_PLUGIN_NAME_CONFLICT/g)).toHaveLength(2);
  });

  it('the default short help is the "<name>" plugin; helm help <plugin> shows usage, long help and origin', () => {
    using home = tempHelmHome();
    const dir = path.join(home.root, 'plugins');
    cliPlugin(dir, 'bare', '  usage: "bare <file>"');
    const env = { ...home.env, HELM_PLUGINS: `${dir}${path.delimiter}${helmFixtures.helmhome}` };
    expect(runOurs(['--help'], env).stdout).toContain('\n  bare      the "bare" plugin\n');
    const help = runOurs(['help', 'fullenv'], env);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^show env vars\n\nshow all env vars\n\nUSAGE\n {2}\$ helm fullenv\n/);
    expect(help.stdout).toContain(`dir      ${path.join(helmFixtures.helmhome, 'fullenv')}\n`);
    expect(runOurs(['help', 'bare'], env).stdout).toMatch(/^the "bare" plugin\n\nUSAGE\n {2}\$ helm bare <file>\n/);
    expect(runOurs(['help', 'plugin', 'list'], env).stdout).toContain('--type');
  });
});

describe('helm <word> that is neither a command nor a plugin', () => {
  it('is one coded error line with a hint, exit 1, no stack trace', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const unknown = runOurs(['nosuch', 'x'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(
      /^Error: unknown command "nosuch" for "helm" \[CLI_UNKNOWN_COMMAND\]\n {2}hint: .*\n$/,
    );
    const helmOnly = runOurs(['install', 'x'], env);
    expect(helmOnly.status).toBe(1);
    expect(helmOnly.stderr).toMatch(
      /^Error: "helm install" is a Helm command .* \[CLI_NOT_IMPLEMENTED\]\n {2}hint: .*\n$/,
    );
    // The broken fixture plugin (noversion) is not a command.
    expect(runOurs(['noversion'], env).stderr).toMatch(/\[CLI_UNKNOWN_COMMAND\]/);
  });
});

// What the dispatch path imports statically is pinned by src/startup.imports.test.ts.
describe('start-up of helm <plugin>', () => {
  it('loads no oclif and no help or completion code when the plugin index cache is warm', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    expect(runOurs(['echo'], env).stdout).toBe('hello\n'); // warms the plugin index cache
    const trace = path.join(home.root, 'imports.txt');
    const hook = fileURLToPath(new URL('./fixtures/trace-imports.mjs', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', hook, ourHelm, 'echo'], {
      env: { PATH: process.env['PATH'], ...env, HELM4_TRACE_IMPORTS: trace },
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('hello\n');
    const edges = readFileSync(trace, 'utf8').trim().split('\n');
    const loaded = (re: RegExp) => edges.filter((e) => re.test(e.split(' -> ')[1] ?? ''));
    expect(loaded(/\/@oclif\//)).toEqual([]);
    expect(loaded(/\/apps\/helm\/dist\/(help|commands|completion)\b/)).toEqual([]);
  });
});
