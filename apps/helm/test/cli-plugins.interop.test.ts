import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  helmFixtures,
  ourHelm,
  realHelm,
  repoRoot,
  runOurs,
  runReal,
  tempHelmHome,
  withoutHelmWarnings,
} from './support.js';

/** HELM_BIN is the binary's own path: ours is bin/run.js, Helm's is the Go binary. */
const sameBin = (s: string) => s.replaceAll(ourHelm, '<helm>').replaceAll(realHelm, '<helm>');

describe("cli/v1 plugins as helm commands: Helm's TestLoadCLIPlugins", () => {
  it.each([
    ['args', ['-a', '-b', '-c'], '-a -b -c\n', 0],
    ['echo', [], 'hello\n', 0],
    ['exitwith', ['2'], '', 2],
    ['shortenv', [], 'HELM_PLUGIN_NAME=shortenv\n', 0],
  ] as const)('helm %s %j', (name, args, stdout, status) => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const ours = runOurs([name, ...args], env);
    const real = runReal([name, ...args], env);
    expect(ours.stdout).toBe(stdout);
    expect(ours.status).toBe(status);
    expect(real.stdout).toBe(stdout);
    expect(real.status).toBe(status);
  });

  it('fullenv gets the environment Helm gives it (HELM_BIN aside), in the fixtures and in a path with spaces', () => {
    for (const plugins of [helmFixtures.helmhome, helmFixtures.space]) {
      using home = tempHelmHome();
      const env = { ...home.env, HELM_PLUGINS: plugins };
      const ours = runOurs(['fullenv'], env);
      const real = runReal(['fullenv'], env);
      expect(ours.status).toBe(0);
      expect(sameBin(ours.stdout)).toBe(sameBin(real.stdout));
      expect(ours.stdout).toContain(`${path.join(plugins, 'fullenv')}\n`);
      expect(ours.stdout).toContain(`${path.join(home.root, 'config', 'repositories.yaml')}\n`);
      expect(ours.stdout).toContain(`${ourHelm}\n`);
    }
  });

  it('a non-zero exit is the exit code of helm, with the same error line as Helm plus our code', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const ours = runOurs(['exitwith', '7'], env);
    const real = runReal(['exitwith', '7'], env);
    expect([ours.status, real.status]).toEqual([7, 7]);
    expect(withoutHelmWarnings(real.stderr)).toBe('Error: plugin "exitwith" exited with error\n');
    expect(ours.stderr).toBe('Error: plugin "exitwith" exited with error [RUNTIME_EXIT]\n');
  });

  it.each([
    [['args', '-n', 'ns', 'x', '--namespace=other', '--kube-context', 'ctx', 'y']],
    [['-n', 'ns', 'args', 'x', '--debug', '-n=z']],
    [['--kube-insecure-skip-tls-verify', 'args', 'false', 'x', '--debug=true', '--burst-limit', '5']],
    [['args', '--kube-insecure-skip-tls-verify', 'false', 'x', '--kube-as-group', 'a', '--kube-as-group=b']],
    [['args', '--help']],
    [['args', '-h', '--', '--version']],
    [['--debug', 'args', 'plugin', 'list']],
  ])('global flags are consumed, the rest reaches the plugin: %j', (argv) => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const ours = runOurs(argv, env);
    const real = runReal(argv, env);
    expect(ours.status).toBe(0);
    expect(ours.stdout).toBe(real.stdout);
  });

  it('global flags set the HELM_* environment of the plugin', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const argv = ['fullenv', '--repository-config', '/r.yaml', '--repository-cache=/cache'];
    const ours = runOurs(argv, env);
    expect(ours.stdout).toContain('HELM_REPOSITORY_CONFIG=/r.yaml\nHELM_REPOSITORY_CACHE=/cache\n');
    expect(sameBin(ours.stdout)).toBe(sameBin(runReal(argv, env).stdout));
  });

  it('a global flag without its value fails before the plugin runs, as in Helm', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const ours = runOurs(['args', 'x', '--namespace'], env);
    const real = runReal(['args', 'x', '--namespace'], env);
    expect([ours.status, real.status]).toEqual([1, 1]);
    expect(ours.stdout).toBe('');
    expect(ours.stderr).toMatch(/^Error: flag needs an argument: --namespace \[CLI_FLAG_NEEDS_ARGUMENT\]\n/);
    expect(withoutHelmWarnings(real.stderr)).toBe('Error: flag needs an argument: --namespace\n');
  });

  it('HELM_NO_PLUGINS=1 disables plugin commands', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome, HELM_NO_PLUGINS: '1' };
    const ours = runOurs(['echo'], env);
    const real = runReal(['echo'], env);
    expect([ours.status, real.status]).toEqual([1, 1]);
    expect(ours.stdout).toBe('');
    expect(ours.stderr).toMatch(/^Error: unknown command "echo" for "helm" \[CLI_UNKNOWN_COMMAND\]\n/);
    expect(real.stderr).toMatch(/^Error: unknown command "echo" for "helm"\n/);
  });

  it('helm --help <plugin> is help (the plugin does not run); helm <plugin> --help goes to the plugin', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const ours = runOurs(['--help', 'args'], env);
    expect(ours.status).toBe(0);
    expect(ours.stdout).toMatch(/^echo args\n\nThis echos args\n\nUSAGE\n {2}\$ helm args\n/);
    expect(runReal(['--help', 'args'], env).stdout).toContain('Available Commands:');
    expect(runOurs(['args', '--help'], env).stdout).toBe('--help\n');
  });
});

describe('a Wasm (extism/v1) cli plugin as a helm command', () => {
  it('runs like in Helm: arguments, HELM_* environment, stdout (examples/cli-hello)', () => {
    const example = path.join(repoRoot, 'examples/cli-hello');
    expect(existsSync(path.join(example, 'plugin.wasm')), 'build the examples first (turbo run build)').toBe(true);
    using home = tempHelmHome();
    const plugins = path.join(home.root, 'plugins');
    mkdirSync(path.join(plugins, 'cli-hello'), { recursive: true });
    for (const f of ['plugin.yaml', 'plugin.wasm']) cpSync(path.join(example, f), path.join(plugins, 'cli-hello', f));
    const env = { ...home.env, HELM_PLUGINS: plugins };
    const argv = ['cli-hello', 'a', 'b c', '-n', 'team-a', '--flag=x'];
    const ours = runOurs(argv, env);
    const real = runReal(argv, env);
    expect(ours).toMatchObject({ status: 0, stderr: '' });
    expect(ours.stdout).toBe('Hello from a Wasm plugin!\nargs: a b c --flag=x\nHELM_NAMESPACE: team-a\n');
    expect(ours.stdout).toBe(real.stdout);
  });
});
