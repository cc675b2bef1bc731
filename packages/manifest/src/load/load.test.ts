import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, v1Yaml, writePlugin } from '../testing/fixtures.js';
import { testRegistry } from '../testing/test-registry.js';
import type { LoadResult } from '../types.js';
import { loadPluginDir } from './inspect.js';
import { findPlugin, findPlugins, loadAllPluginDirs } from './load.js';

const opts = { registry: testRegistry() };
const names = (r: LoadResult) => ({
  plugins: r.plugins.map((p) => p.metadata.name),
  quarantined: r.quarantined.map((q) => [q.name, q.issues.map((i) => i.code)]),
});

describe('loadPluginDir', () => {
  it('returns the absolute directory as given, without resolving symlinks', async () => {
    const base = tempDir();
    writePlugin(base, 'real', v1Yaml('p'));
    symlinkSync(join(base, 'real'), join(base, 'link'));
    const rel = relative(process.cwd(), join(base, 'link'));
    expect((await loadPluginDir(rel, opts)).dir).toBe(join(base, 'link'));
  });

  it('fails with MANIFEST_NOT_FOUND without plugin.yaml and MANIFEST_READ_FAILED when unreadable', async () => {
    const base = tempDir();
    await expect(loadPluginDir(join(base, 'missing'), opts)).rejects.toMatchObject({ code: 'MANIFEST_NOT_FOUND' });
    mkdirSync(join(base, 'odd', 'plugin.yaml'), { recursive: true });
    await expect(loadPluginDir(join(base, 'odd'), opts)).rejects.toMatchObject({ code: 'MANIFEST_READ_FAILED' });
  });

  it('throws the first issue code with every issue in details', async () => {
    const base = tempDir();
    const dir = writePlugin(base, 'p', 'apiVersion: v1\nname: "a b"\ntype: cli/v1\nruntime: subprocess\n');
    const err = await loadPluginDir(dir, opts).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'MANIFEST_INVALID_NAME' });
    const details = (err as { details: { issues: { code: string }[] } }).details;
    expect(details.issues.map((i) => i.code)).toEqual(['MANIFEST_INVALID_NAME', 'MANIFEST_VERSION_REQUIRED']);
    expect((err as Error).message).toMatch(
      /^failed to load plugin ".*": invalid plugin name "a b": .*; plugin `version` is required$/,
    );
  });
});

describe('loadAllPluginDirs', () => {
  it('returns an empty result for a missing base directory', async () => {
    expect(await loadAllPluginDirs(join(tempDir(), 'nope'), opts)).toEqual({ plugins: [], quarantined: [] });
  });

  it('follows symlinked directories, skips dirs without plugin.yaml and files, sorts by bytes', async () => {
    const base = tempDir();
    const elsewhere = tempDir();
    writePlugin(elsewhere, 'target', v1Yaml('linked'));
    symlinkSync(join(elsewhere, 'target'), join(base, 'b-link'));
    writePlugin(base, 'a', v1Yaml('a'));
    writePlugin(base, 'Z', v1Yaml('upper'));
    writePlugin(base, '\u{1F600}', v1Yaml('emoji'));
    writePlugin(base, '\uFF5E', v1Yaml('fullwidth'));
    mkdirSync(join(base, 'empty'));
    writeFileSync(join(base, 'file'), 'x');
    const r = await loadAllPluginDirs(base, opts);
    expect(names(r).plugins).toEqual(['upper', 'a', 'linked', 'fullwidth', 'emoji']);
    expect(r.plugins[2]?.dir).toBe(join(base, 'b-link'));
  });

  it('quarantines a bad plugin with its partial metadata and keeps the others', async () => {
    const base = tempDir();
    writePlugin(base, 'good', v1Yaml('good'));
    writePlugin(base, 'bad', 'apiVersion: v1\nname: bad\nversion: 1.0.0\ntype: nope/v1\nruntime: subprocess\n');
    writePlugin(base, 'syntax', 'name: [\n');
    const r = await loadAllPluginDirs(base, opts);
    expect(names(r).plugins).toEqual(['good']);
    expect(r.quarantined).toEqual([
      {
        dir: join(base, 'bad'),
        name: 'bad',
        version: '1.0.0',
        type: 'nope/v1',
        apiVersion: 'v1',
        issues: [{ code: 'MANIFEST_UNKNOWN_TYPE', message: 'unknown plugin type "nope/v1"', path: ['type'] }],
      },
      { dir: join(base, 'syntax'), issues: [expect.objectContaining({ code: 'MANIFEST_YAML_SYNTAX' })] },
    ]);
  });

  it('quarantines a dangling plugin.yaml symlink', async () => {
    const base = tempDir();
    mkdirSync(join(base, 'dangling'));
    symlinkSync(join(base, 'nowhere.yaml'), join(base, 'dangling', 'plugin.yaml'));
    const r = await loadAllPluginDirs(base, opts);
    expect(names(r).quarantined).toEqual([[undefined, ['MANIFEST_NOT_FOUND']]]);
  });

  it('quarantines an unreadable plugin.yaml', async () => {
    const base = tempDir();
    // A directory named plugin.yaml cannot be read as a file, even by root (unlike a chmod 000 file).
    mkdirSync(join(base, 'secret', 'plugin.yaml'), { recursive: true });
    const r = await loadAllPluginDirs(base, opts);
    expect(names(r).quarantined).toEqual([[undefined, ['MANIFEST_READ_FAILED']]]);
  });

  it('quarantines every claimant of a duplicate name and keeps the rest (Helm fails the whole dir)', async () => {
    const base = tempDir();
    writePlugin(base, 'one', v1Yaml('dup'));
    writePlugin(base, 'two', v1Yaml('dup', 'postrenderer/v1'));
    writePlugin(base, 'three', 'name: dup\n');
    writePlugin(base, 'other', v1Yaml('other'));
    const r = await loadAllPluginDirs(base, opts);
    expect(names(r)).toEqual({
      plugins: ['other'],
      quarantined: [
        ['dup', ['MANIFEST_DUPLICATE_NAME']],
        ['dup', ['MANIFEST_DUPLICATE_NAME']],
        ['dup', ['MANIFEST_DUPLICATE_NAME']],
      ],
    });
    const one = r.quarantined.find((q) => q.dir === join(base, 'one'));
    expect(one?.type).toBe('cli/v1');
    expect(one?.issues[0]?.message).toContain(JSON.stringify(join(base, 'two')));
    expect(one?.issues[0]?.message).toContain(JSON.stringify(join(base, 'three')));
  });
});

describe('findPlugins / findPlugin', () => {
  function pluginPath() {
    const first = tempDir();
    const second = tempDir();
    writePlugin(first, 'cli', v1Yaml('tool'));
    writePlugin(first, 'get', v1Yaml('fetch', 'getter/v1', 'config: {protocols: [s3]}\n'));
    writePlugin(first, 'broken', 'apiVersion: v1\nname: broken\ntype: getter/v1\nruntime: subprocess\n');
    writePlugin(first, 'anon', 'apiVersion: v1\n');
    writePlugin(second, 'cli', v1Yaml('tool', 'postrenderer/v1'));
    writePlugin(second, 'pr', v1Yaml('render', 'postrenderer/v1'));
    return [first, second];
  }

  it('concatenates dirs in order; a name found earlier shadows later plugins', async () => {
    const dirs = pluginPath();
    const r = await findPlugins(dirs, {}, opts);
    expect(names(r)).toEqual({
      plugins: ['tool', 'fetch', 'render'],
      quarantined: [
        [
          undefined,
          ['MANIFEST_INVALID_NAME', 'MANIFEST_VERSION_REQUIRED', 'MANIFEST_TYPE_MISSING', 'MANIFEST_RUNTIME_MISSING'],
        ],
        ['broken', ['MANIFEST_VERSION_REQUIRED', 'TYPE_GETTER_NO_PROTOCOLS']],
        ['tool', ['MANIFEST_DUPLICATE_NAME']],
      ],
    });
    expect(r.quarantined[2]?.issues[0]?.message).toContain('shadowed by');
  });

  it('filters by exact name and type (canonical or alias), keeping matching quarantined plugins', async () => {
    const dirs = pluginPath();
    expect(names(await findPlugins(dirs, { type: 'getter/v1' }, opts))).toEqual({
      plugins: ['fetch'],
      quarantined: [['broken', ['MANIFEST_VERSION_REQUIRED', 'TYPE_GETTER_NO_PROTOCOLS']]],
    });
    expect(names(await findPlugins(dirs, { type: 'download.plugins.helm.sh/v1' }, opts)).plugins).toEqual(['fetch']);
    expect(names(await findPlugins(dirs, { name: 'tool' }, opts))).toEqual({
      plugins: ['tool'],
      quarantined: [['tool', ['MANIFEST_DUPLICATE_NAME']]],
    });
    expect(names(await findPlugins(dirs, { name: 'tool', type: 'postrenderer/v1' }, opts))).toEqual({
      plugins: [],
      quarantined: [['tool', ['MANIFEST_DUPLICATE_NAME']]],
    });
    expect(names(await findPlugins(dirs, { name: 'to' }, opts))).toEqual({ plugins: [], quarantined: [] });
    expect(await findPlugins(dirs, { name: '', type: '' }, opts)).toEqual(await findPlugins(dirs, {}, opts));
  });

  it('findPlugin returns the first match or fails with MANIFEST_PLUGIN_NOT_FOUND', async () => {
    const dirs = pluginPath();
    expect((await findPlugin(dirs, { name: 'tool' }, opts)).dir).toBe(join(dirs[0] ?? '', 'cli'));
    const err = await findPlugin(dirs, { name: 'nope', type: 'cli/v1' }, opts).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'MANIFEST_PLUGIN_NOT_FOUND',
      message: 'plugin: {Name:nope Type:cli/v1} not found',
    });
    await expect(findPlugin(dirs, { name: 'broken' }, opts)).rejects.toMatchObject({
      code: 'MANIFEST_PLUGIN_NOT_FOUND',
      details: { quarantined: [expect.objectContaining({ name: 'broken' })] },
    });
  });
});
