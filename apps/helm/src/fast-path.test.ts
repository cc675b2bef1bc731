import { describe, expect, it } from 'vitest';
import { parseFastPluginList } from './fast-path.js';

describe('parseFastPluginList', () => {
  it('takes the plain plugin list shapes', () => {
    expect(parseFastPluginList(['plugin', 'list'])).toEqual({});
    expect(parseFastPluginList(['plugin', 'ls', '--type', 'cli/v1', '--json'])).toEqual({ type: 'cli/v1', json: true });
    expect(parseFastPluginList(['plugin', 'list', '--type=getter/v1'])).toEqual({ type: 'getter/v1' });
  });

  it('leaves everything else to oclif', () => {
    expect(parseFastPluginList(['plugin', 'list', '--help'])).toBeUndefined();
    expect(parseFastPluginList(['plugin', 'list', '--type'])).toBeUndefined();
    expect(parseFastPluginList(['plugin', 'list', 'extra'])).toBeUndefined();
    expect(parseFastPluginList(['plugin', 'install', 'x'])).toBeUndefined();
    expect(parseFastPluginList([])).toBeUndefined();
  });
});
