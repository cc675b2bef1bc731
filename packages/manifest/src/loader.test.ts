import { cpSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findPlugins as findPluginsDirect, loadAllPluginDirs as loadAllDirect } from './load/load.js';
import { findPlugin, findPlugins, loadAllPluginDirs } from './loader.js';
import { helmFixture, tempDir, v1Yaml, writePlugin } from './testing/fixtures.js';
import { testRegistry } from './testing/test-registry.js';

const registry = testRegistry();

/** Helm's plugdir/good copied to a scratch dir, with plugin.yaml files old enough to be cached. */
function setup() {
  const root = tempDir();
  const base = join(root, 'plugins');
  cpSync(helmFixture('internal/plugin/testdata/plugdir/good'), base, { recursive: true });
  for (const name of [
    'downloader',
    'echo-legacy',
    'echo-v1',
    'getter',
    'hello-legacy',
    'hello-v1',
    'postrenderer-v1',
  ]) {
    age(join(base, name, 'plugin.yaml'));
  }
  const cacheFile = join(root, 'cache', 'plugin-index.json');
  const loadRegistry = vi.fn(async () => registry);
  return {
    root,
    base,
    cacheFile,
    loadRegistry,
    opts: { registry: loadRegistry, registryFingerprint: 'fp1', cacheFile },
  };
}

function age(file: string) {
  const past = new Date(Date.now() - 60_000);
  utimesSync(file, past, past);
}

describe('loader (plugin index cache)', () => {
  it('gives the same results as the direct loader, from the cache without loading the registry', async () => {
    const { base, cacheFile, loadRegistry, opts } = setup();
    const direct = await loadAllDirect(base, { registry });
    const cold = await loadAllPluginDirs(base, opts);
    expect(cold).toEqual(direct);
    expect(loadRegistry).toHaveBeenCalledTimes(1);
    const index = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(index).toMatchObject({ format: 1, fingerprint: 'fp1' });
    expect(Object.keys(index.entries)).toHaveLength(7);

    const ino = statSync(cacheFile).ino;
    const warm = await loadAllPluginDirs(base, opts);
    expect(warm).toEqual(cold);
    expect(loadRegistry).toHaveBeenCalledTimes(1);
    expect(statSync(cacheFile).ino).toBe(ino); // nothing changed, nothing written
  });

  it('re-parses a plugin.yaml whose content changed with the same size', async () => {
    const { base, loadRegistry, opts } = setup();
    await loadAllPluginDirs(base, opts);
    const file = join(base, 'echo-v1', 'plugin.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('version: "1.2.3"', 'version: "1.2.4"');
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    const r = await loadAllPluginDirs(base, opts);
    expect(r.plugins.find((p) => p.metadata.name === 'echo-v1')?.metadata.version).toBe('1.2.4');
    expect(loadRegistry).toHaveBeenCalledTimes(2);

    // Just written (racily clean): not cached yet; once old enough it is.
    age(file);
    await loadAllPluginDirs(base, opts);
    await loadAllPluginDirs(base, opts);
    expect(loadRegistry).toHaveBeenCalledTimes(3);
  });

  it('ignores a cache written under another registry fingerprint', async () => {
    const { base, loadRegistry, opts } = setup();
    await loadAllPluginDirs(base, opts);
    await loadAllPluginDirs(base, { ...opts, registryFingerprint: 'fp2' });
    expect(loadRegistry).toHaveBeenCalledTimes(2);
    await loadAllPluginDirs(base, { ...opts, registryFingerprint: 'fp2' });
    expect(loadRegistry).toHaveBeenCalledTimes(2);
  });

  it('ignores a corrupt or malformed cache file and replaces it', async () => {
    const { base, cacheFile, loadRegistry, opts } = setup();
    const direct = await loadAllDirect(base, { registry });
    for (const junk of ['{not json', '[]', '{"format":1,"fingerprint":"fp1","entries":{"/x":{"stat":1}}}']) {
      mkdirSync(join(cacheFile, '..'), { recursive: true });
      writeFileSync(cacheFile, junk);
      expect(await loadAllPluginDirs(base, opts)).toEqual(direct);
      expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ format: 1, fingerprint: 'fp1' });
    }
    expect(loadRegistry).toHaveBeenCalledTimes(3);
  });

  it('drops entries of plugins that are gone, and keeps those of other base dirs', async () => {
    const { root, base, cacheFile, opts } = setup();
    const other = join(root, 'other');
    age(`${writePlugin(other, 'x', v1Yaml('x'))}/plugin.yaml`);
    await findPlugins([base, other], {}, opts);
    rmSync(join(base, 'getter'), { recursive: true });
    await loadAllPluginDirs(base, opts);
    const keys = Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).entries);
    expect(keys).toHaveLength(7);
    expect(keys).toContain(join(other, 'x'));
    expect(keys).not.toContain(join(base, 'getter'));
  });

  it('caches quarantined plugins too, and recomputes duplicates and filters on every run', async () => {
    const { root, base, loadRegistry, opts } = setup();
    const second = join(root, 'second');
    age(`${writePlugin(second, 'a', v1Yaml('getter', 'postrenderer/v1'))}/plugin.yaml`);
    age(`${writePlugin(second, 'b', 'apiVersion: v1\nname: broken\n')}/plugin.yaml`);
    const dirs = [base, second];
    const direct = await findPluginsDirect(dirs, {}, { registry });
    expect(await findPlugins(dirs, {}, opts)).toEqual(direct);
    expect(await findPlugins(dirs, {}, opts)).toEqual(direct);
    const filtered = await findPlugins(dirs, { type: 'download.plugins.helm.sh/v1' }, opts);
    expect(filtered).toEqual(await findPluginsDirect(dirs, { type: 'getter/v1' }, { registry }));
    expect(filtered.plugins.map((p) => p.metadata.name)).toEqual(['downloader', 'getter']);
    expect(loadRegistry).toHaveBeenCalledTimes(1); // the alias was resolved from the cache
    expect(await findPlugins(dirs, { type: 'constructor' }, opts)).toEqual({ plugins: [], quarantined: [] });
    expect((await findPlugin(dirs, { name: 'hello-v1' }, opts)).metadata.config['usage']).toBe('hello [params]...');
    await expect(findPlugin(dirs, { name: 'broken' }, opts)).rejects.toMatchObject({
      code: 'MANIFEST_PLUGIN_NOT_FOUND',
    });
    expect(loadRegistry).toHaveBeenCalledTimes(1);
  });

  it('works without a cache file, and ignores failures to write one', async () => {
    const { root, base, loadRegistry } = setup();
    const direct = await loadAllDirect(base, { registry });
    expect(await loadAllPluginDirs(base, { registry: loadRegistry, registryFingerprint: 'fp1' })).toEqual(direct);
    writeFileSync(join(root, 'blocker'), 'x');
    const cacheFile = join(root, 'blocker', 'plugin-index.json');
    expect(await loadAllPluginDirs(base, { registry: loadRegistry, registryFingerprint: 'fp1', cacheFile })).toEqual(
      direct,
    );
  });
});
