import type { LoadedPlugin } from '@helm4/manifest/loader';
import { describe, expect, it } from 'vitest';
import { resolveCliCommands } from './commands.js';

function plugin(name: string, usage = '', type = 'cli/v1'): LoadedPlugin {
  return {
    dir: `/plugins/${name}`,
    metadata: {
      apiVersion: 'v1',
      name,
      type,
      runtime: 'subprocess',
      version: '1.0.0',
      sourceURL: '',
      config: { usage, shortHelp: '', longHelp: '', ignoreFlags: false },
      runtimeConfig: {},
    },
  };
}

describe('resolveCliCommands', () => {
  it('gives each cli plugin its command, skipping other types', () => {
    const r = resolveCliCommands([plugin('a'), plugin('b', 'bee [x]'), plugin('g', '', 'getter/v1')], new Set());
    expect(r.commands.map((c) => [c.name, c.plugin.metadata.name])).toEqual([
      ['a', 'a'],
      ['bee', 'b'],
    ]);
    expect(r.conflicts).toEqual([]);
  });

  it('quarantines a plugin named like a built-in, and the later of two plugins with one name; the rest load', () => {
    const r = resolveCliCommands(
      [plugin('version'), plugin('first', 'same'), plugin('second', 'same [args]'), plugin('zzz')],
      new Set(['version']),
    );
    expect(r.commands.map((c) => c.name)).toEqual(['same', 'zzz']);
    expect(r.conflicts.map((q) => [q.name, q.issues.map((i) => [i.code, i.path])])).toEqual([
      ['version', [['CLI_PLUGIN_NAME_CONFLICT', ['name']]]],
      ['second', [['CLI_PLUGIN_NAME_CONFLICT', ['config', 'usage']]]],
    ]);
    expect(r.conflicts[1]?.issues[0]?.message).toContain('/plugins/first');
  });
});
