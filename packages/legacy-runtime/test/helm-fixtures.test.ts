// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Helm's own ${VAR} syntax, as plugin.yaml writes it.
/* Helm's own fixture plugins, run through the subprocess runtime, with the results Helm's tests expect. */
import { join } from 'node:path';
import { collector, rejectsWithCode } from '@helm4/runtime/contract';
import { helmEnvVars, loadSettings } from '@helm4/settings';
import { describe, expect, it } from 'vitest';
import { createSubprocessRuntime } from '../src/subprocess-runtime.js';
import { helmFixture, load, TYPES } from './support.js';

const linux = { os: 'linux', arch: 'amd64' };
const runtime = createSubprocessRuntime({ types: TYPES, platform: linux });
const instance = async (dir: string) => runtime.createPlugin(await load(dir));

const cmdPlugins = helmFixture('pkg/cmd/testdata/helmhome/helm/plugins');
const spacedPlugins = helmFixture('pkg/cmd/testdata/helm home with space/helm/plugins');
const goodPlugins = helmFixture('internal/plugin/testdata/plugdir/good');

/** Runs a cli/v1 plugin as `helm <plugin> <args>` would, returning its stdout. */
async function runCli(dir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const stdout = collector();
  const stderr = collector();
  await (await instance(dir)).invoke({
    message: { extraArgs: args },
    env,
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  expect(stderr.text()).toBe('');
  return stdout.text();
}

/** The HELM_* environment `helm` gives plugins (settings.EnvVars()) for a given plugins directory. */
function helmEnv(pluginsDir: string) {
  const settings = loadSettings({
    HOME: '/home/helm-user',
    HELM_PLUGINS: pluginsDir,
    HELM_REPOSITORY_CONFIG: '/home/helm-user/.config/helm/repositories.yaml',
    HELM_REPOSITORY_CACHE: '/home/helm-user/.cache/helm/repository',
  });
  return { settings, env: helmEnvVars(settings, '/usr/local/bin/helm') };
}

describe('TestLoadCLIPlugins fixtures (pkg/cmd/testdata/helmhome)', () => {
  it('args: passes the extra args through', async () => {
    expect(await runCli(join(cmdPlugins, 'args'), ['-a', '-b', '-c'])).toBe('-a -b -c\n');
  });

  it('echo: splits "echo hello" into a command and an argument', async () => {
    expect(await runCli(join(cmdPlugins, 'echo'), [])).toBe('hello\n');
  });

  it('exitwith: exit 2 is RUNTIME_EXIT with exitCode 2', async () => {
    const plugin = await instance(join(cmdPlugins, 'exitwith'));
    const err = await rejectsWithCode(plugin.invoke({ message: { extraArgs: ['2'] } }), 'RUNTIME_EXIT');
    expect(err.details?.['exitCode']).toBe(2);
  });

  it('fullenv: sees HELM_PLUGIN_NAME, HELM_PLUGIN_DIR and the HELM_* settings', async () => {
    const { settings, env } = helmEnv(cmdPlugins);
    const dir = join(cmdPlugins, 'fullenv');
    expect(await runCli(dir, [], env)).toBe(
      [
        'HELM_PLUGIN_NAME=fullenv',
        `HELM_PLUGIN_DIR=${dir}`,
        `HELM_PLUGINS=${settings.pluginsDirectory}`,
        `HELM_REPOSITORY_CONFIG=${settings.repositoryConfig}`,
        `HELM_REPOSITORY_CACHE=${settings.repositoryCache}`,
        'HELM_BIN=/usr/local/bin/helm',
        '',
      ].join('\n'),
    );
  });

  it('shortenv: HELM_PLUGIN_NAME', async () => {
    expect(await runCli(join(cmdPlugins, 'shortenv'), [])).toBe('HELM_PLUGIN_NAME=shortenv\n');
  });

  it('HELM_PLUGIN_NAME / HELM_PLUGIN_DIR win over the same names in the given env', async () => {
    const out = await runCli(join(cmdPlugins, 'shortenv'), [], { HELM_PLUGIN_NAME: 'spoofed' });
    expect(out).toBe('HELM_PLUGIN_NAME=shortenv\n');
  });

  it('fullenv under "helm home with space": the expanded command path keeps its spaces', async () => {
    const { settings, env } = helmEnv(spacedPlugins);
    const dir = join(spacedPlugins, 'fullenv');
    expect(dir).toContain(' ');
    expect(await runCli(dir, [], env)).toBe(
      [
        'fullenv',
        dir,
        settings.pluginsDirectory,
        settings.repositoryConfig,
        settings.repositoryCache,
        '/usr/local/bin/helm',
        '',
      ].join('\n'),
    );
  });
});

describe('postrenderer fixtures (sed-test.sh)', () => {
  const manifests = 'kind: ConfigMap\nmetadata:\n  name: FOOTEST\n';
  const dirs = [
    helmFixture('pkg/postrenderer/testdata/plugins/postrenderer-v1'),
    join(cmdPlugins, 'postrenderer-v1'),
    join(goodPlugins, 'postrenderer-v1'),
  ];

  it.each(dirs)('replaces FOOTEST with BARTEST (%s)', async (dir) => {
    const output = await (await instance(dir)).invoke({ message: { manifests, extraArgs: [] } });
    expect(output.message).toEqual({ manifests: manifests.replace('FOOTEST', 'BARTEST') });
  });

  it.each(dirs)('replaces FOOTEST with the args (%s)', async (dir) => {
    const output = await (await instance(dir)).invoke({ message: { manifests, extraArgs: ['ARG1', 'ARG2'] } });
    expect(output.message).toEqual({ manifests: manifests.replace('FOOTEST', 'ARG1 ARG2') });
  });
});

describe('getter fixtures', () => {
  const options = { CertFile: '', KeyFile: '', CAFile: '', Username: '', Password: '', PassCredentialsAll: false };
  const get = async (dir: string, protocol: string) =>
    (await instance(dir)).invoke({ message: { href: `${protocol}://x/y`, protocol, options } });

  it('pkg/getter testgetter: the ignored `command:` key leaves no platformCommand (no command applicable)', async () => {
    await rejectsWithCode(get(helmFixture('pkg/getter/testdata/plugins/testgetter'), 'test'), 'RUNTIME_NO_COMMAND');
    await rejectsWithCode(get(helmFixture('pkg/getter/testdata/plugins/testgetter2'), 'test2'), 'RUNTIME_NO_COMMAND');
  });

  it('pkg/getter testgetter: another protocol has no downloader', async () => {
    await rejectsWithCode(get(helmFixture('pkg/getter/testdata/plugins/testgetter'), 'test2'), 'RUNTIME_NO_DOWNLOADER');
  });

  it.each(['getter', 'downloader'])(
    'plugdir/good/%s: "echo ..." resolves to <plugin dir>/echo, which does not exist',
    async (name) => {
      const err = await rejectsWithCode(get(join(goodPlugins, name), 'myprotocols'), 'RUNTIME_EXEC_FAILED');
      expect(err.details?.['command']).toBe(join(goodPlugins, name, 'echo'));
    },
  );
});

describe('plugdir/good cli fixtures', () => {
  it('echo-legacy: `command: "echo Hello"`', async () => {
    expect(await runCli(join(goodPlugins, 'echo-legacy'), [])).toBe('Hello\n');
  });

  it('echo-v1: the legacy keys under runtimeConfig are ignored, so no command applies', async () => {
    const plugin = await instance(join(goodPlugins, 'echo-v1'));
    await rejectsWithCode(plugin.invoke({ message: { extraArgs: [] } }), 'RUNTIME_NO_COMMAND');
  });

  it.each(['hello-v1', 'hello-legacy'])(
    '%s on linux: sh -c "${HELM_PLUGIN_DIR}/hello.sh" (extra args go to sh, not the script)',
    async (name) => {
      const out = await runCli(join(goodPlugins, name), ['x', 'y'], { HELM_BIN: 'true' });
      expect(out).toBe('Hello from a Helm plugin\nPARAMS\n\n');
    },
  );
});

describe('plugdir/good hooks', () => {
  const hook = async (name: string) => {
    const stdout = collector();
    await (await instance(join(goodPlugins, name))).invokeHook('install', { stdout: stdout.stream });
    return stdout.text();
  };

  it('echo-legacy: the `hooks:` string runs through sh -c', async () => {
    expect(await hook('echo-legacy')).toBe('Installing\n');
  });

  it('echo-v1: its `hooks:` key under runtimeConfig is ignored', async () => {
    expect(await hook('echo-v1')).toBe('');
  });

  it.each(['hello-v1', 'hello-legacy'])('%s: the linux platformHooks entry', async (name) => {
    expect(await hook(name)).toBe('installing...\n');
  });

  it('update and delete hooks that do not exist are no-ops', async () => {
    const plugin = await instance(join(goodPlugins, 'hello-v1'));
    await expect(plugin.invokeHook('update')).resolves.toBeUndefined();
    await expect(plugin.invokeHook('delete')).resolves.toBeUndefined();
  });
});
