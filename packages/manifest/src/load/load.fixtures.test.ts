import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmFixture } from '../testing/fixtures.js';
import { testRegistry } from '../testing/test-registry.js';
import type { PluginMetadata } from '../types.js';
import { loadPluginDir } from './inspect.js';
import { findPlugins, loadAllPluginDirs } from './load.js';

const registry = testRegistry();
const opts = { registry };
const good = helmFixture('internal/plugin/testdata/plugdir/good');
const bad = helmFixture('internal/plugin/testdata/plugdir/bad');

const cmd = (command: string, os = '', args: string[] = []) => ({ os, arch: '', command, args });

/** Helm's TestLoadDir: hello-legacy and hello-v1 differ only in apiVersion, usage and expandHookArgs. */
function hello(apiVersion: 'legacy' | 'v1'): PluginMetadata {
  return {
    apiVersion,
    name: `hello-${apiVersion}`,
    version: '0.1.0',
    type: 'cli/v1',
    runtime: 'subprocess',
    sourceURL: '',
    config: {
      usage: apiVersion === 'legacy' ? '' : 'hello [params]...',
      shortHelp: 'echo hello message',
      longHelp: 'description',
      ignoreFlags: true,
    },
    runtimeConfig: {
      platformCommand: [
        cmd('sh', 'linux', ['-c', `\${HELM_PLUGIN_DIR}/hello.sh`]),
        cmd('pwsh', 'windows', ['-c', `\${HELM_PLUGIN_DIR}/hello.ps1`]),
      ],
      platformHooks: {
        install: [
          cmd('sh', 'linux', ['-c', 'echo "installing..."']),
          cmd('pwsh', 'windows', ['-c', 'echo "installing..."']),
        ],
      },
      protocolCommands: [],
      expandHookArgs: apiVersion === 'legacy',
    },
  };
}

describe('Helm conformance fixtures', () => {
  it('loads plugdir/good as exactly the 7 plugins of TestLoadAllPluginsDir', async () => {
    const r = await loadAllPluginDirs(good, opts);
    expect(r.quarantined).toEqual([]);
    expect(r.plugins.map((p) => p.metadata.name)).toEqual([
      'downloader',
      'echo-legacy',
      'echo-v1',
      'getter',
      'hello-legacy',
      'hello-v1',
      'postrenderer-v1',
    ]);
    expect(r.plugins.map((p) => p.dir)).toEqual(r.plugins.map((p) => join(good, p.metadata.name)));
  });

  it('TestLoadDir: hello-legacy and hello-v1', async () => {
    expect((await loadPluginDir(join(good, 'hello-legacy'), opts)).metadata).toEqual(hello('legacy'));
    expect((await loadPluginDir(join(good, 'hello-v1'), opts)).metadata).toEqual(hello('v1'));
  });

  it('TestLoadDirGetter: getter', async () => {
    const p = await loadPluginDir(join(good, 'getter'), opts);
    expect(p).toEqual({
      dir: join(good, 'getter'),
      metadata: {
        apiVersion: 'v1',
        name: 'getter',
        version: '1.2.3',
        type: 'getter/v1',
        runtime: 'subprocess',
        sourceURL: '',
        config: { protocols: ['myprotocol', 'myprotocols'] },
        runtimeConfig: {
          platformCommand: [],
          platformHooks: {},
          protocolCommands: [{ protocols: ['myprotocol', 'myprotocols'], platformCommand: [cmd('echo getter')] }],
          expandHookArgs: false,
        },
      },
    });
  });

  it('TestPostRenderer: postrenderer-v1 without config', async () => {
    const p = await loadPluginDir(join(good, 'postrenderer-v1'), opts);
    expect(p.metadata).toEqual({
      apiVersion: 'v1',
      name: 'postrenderer-v1',
      version: '1.2.3',
      type: 'postrenderer/v1',
      runtime: 'subprocess',
      sourceURL: '',
      config: {},
      runtimeConfig: {
        platformCommand: [cmd(`\${HELM_PLUGIN_DIR}/sed-test.sh`)],
        platformHooks: {},
        protocolCommands: [],
        expandHookArgs: false,
      },
    });
  });

  it('legacy downloader becomes a getter with protocolCommands', async () => {
    const p = await loadPluginDir(join(good, 'downloader'), opts);
    expect(p.metadata).toEqual({
      apiVersion: 'legacy',
      name: 'downloader',
      version: '1.2.3',
      type: 'getter/v1',
      runtime: 'subprocess',
      sourceURL: '',
      config: { protocols: ['myprotocol', 'myprotocols'] },
      runtimeConfig: {
        platformCommand: [cmd('echo Hello')],
        platformHooks: {},
        protocolCommands: [{ protocols: ['myprotocol', 'myprotocols'], platformCommand: [cmd('echo Download')] }],
        expandHookArgs: true,
      },
    });
  });

  it('echo-v1 ignores the legacy keys under runtimeConfig; echo-legacy runs hooks through sh -c', async () => {
    const v1 = await loadPluginDir(join(good, 'echo-v1'), opts);
    expect(v1.metadata.config).toEqual({
      usage: '',
      shortHelp: 'echo something',
      longHelp: 'This is a testing fixture.',
      ignoreFlags: false,
    });
    expect(v1.metadata.runtimeConfig).toEqual({
      platformCommand: [],
      platformHooks: {},
      protocolCommands: [],
      expandHookArgs: false,
    });
    const legacy = await loadPluginDir(join(good, 'echo-legacy'), opts);
    expect(legacy.metadata.config).toEqual(v1.metadata.config);
    expect(legacy.metadata.runtimeConfig).toEqual({
      platformCommand: [cmd('echo Hello')],
      platformHooks: { install: [cmd('sh', '', ['-c', 'echo Installing'])] },
      protocolCommands: [],
      expandHookArgs: false,
    });
  });

  it('plugdir/bad fails with MANIFEST_DUPLICATE_KEY', async () => {
    const r = await loadAllPluginDirs(bad, opts);
    expect(r.plugins).toEqual([]);
    expect(r.quarantined.map((q) => [q.dir, q.issues.map((i) => i.code)])).toEqual([
      [join(bad, 'duplicate-entries-legacy'), ['MANIFEST_DUPLICATE_KEY']],
      [join(bad, 'duplicate-entries-v1'), ['MANIFEST_DUPLICATE_KEY']],
    ]);
    await expect(loadPluginDir(join(bad, 'duplicate-entries-v1'), opts)).rejects.toMatchObject({
      code: 'MANIFEST_DUPLICATE_KEY',
    });
  });

  it('helmhome: noversion is quarantined with MANIFEST_VERSION_REQUIRED, its siblings load', async () => {
    const r = await loadAllPluginDirs(helmFixture('pkg/cmd/testdata/helmhome/helm/plugins'), opts);
    expect(r.plugins.map((p) => p.metadata.name)).toEqual([
      'args',
      'echo',
      'exitwith',
      'fullenv',
      'postrenderer-v1',
      'shortenv',
    ]);
    expect(r.quarantined).toEqual([
      expect.objectContaining({
        name: 'noversion',
        type: 'cli/v1',
        apiVersion: 'v1',
        issues: [expect.objectContaining({ code: 'MANIFEST_VERSION_REQUIRED', path: ['version'] })],
      }),
    ]);
  });

  it('pkg/getter testdata: two getters, schemes test and test2', async () => {
    const r = await findPlugins([helmFixture('pkg/getter/testdata/plugins')], { type: 'getter/v1' }, opts);
    expect(r.quarantined).toEqual([]);
    expect(r.plugins.map((p) => p.metadata.config['protocols'])).toEqual([['test'], ['test2']]);
  });

  it('the extism/v1 test plugin loads as test/v1', async () => {
    const p = await loadPluginDir(helmFixture('internal/plugin/testdata/src/extismv1-test'), opts);
    expect(p.metadata).toMatchObject({ type: 'test/v1', runtime: 'extism/v1' });
    expect(p.metadata.runtimeConfig).toEqual({ fileSystem: { createTempDir: 'true' } });
  });
});
