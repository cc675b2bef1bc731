import { describe, expect, it } from 'vitest';
import { parseFastPluginList, parseFastVersion } from './fast-path.js';

describe('parseFastPluginList', () => {
  it('takes the plain plugin list shapes', () => {
    expect(parseFastPluginList(['plugin', 'list'])).toEqual({});
    expect(parseFastPluginList(['plugin', 'ls', '--type', 'cli/v1', '--json'])).toEqual({ type: 'cli/v1', json: true });
    expect(parseFastPluginList(['plugin', 'list', '--type=getter/v1'])).toEqual({ type: 'getter/v1' });
  });

  it('takes -o/--output table|wide|json in each spelling; json is --json', () => {
    const wide = { json: false, wide: true };
    expect(parseFastPluginList(['plugin', 'list', '-o', 'wide'])).toEqual(wide);
    expect(parseFastPluginList(['plugin', 'list', '-owide'])).toEqual(wide);
    expect(parseFastPluginList(['plugin', 'list', '--output', 'wide'])).toEqual(wide);
    expect(parseFastPluginList(['plugin', 'list', '--output=wide'])).toEqual(wide);
    expect(parseFastPluginList(['plugin', 'ls', '-o', 'json'])).toEqual({ json: true, wide: false });
    expect(parseFastPluginList(['plugin', 'list', '-o', 'table'])).toEqual({ json: false, wide: false });
    expect(parseFastPluginList(['plugin', 'list', '--json', '-o', 'wide'])).toEqual({ json: true, wide: true });
    expect(parseFastPluginList(['plugin', 'list', '-o', 'wide', '--type', 'cli/v1'])).toEqual({
      ...wide,
      type: 'cli/v1',
    });
  });

  it('leaves everything else to oclif', () => {
    expect(parseFastPluginList(['plugin', 'list', '--help'])).toBeUndefined();
    expect(parseFastPluginList(['plugin', 'list', '--type'])).toBeUndefined();
    expect(parseFastPluginList(['plugin', 'list', '-o', 'yaml'])).toBeUndefined();
    expect(parseFastPluginList(['plugin', 'list', '-o'])).toBeUndefined();
    expect(parseFastPluginList(['plugin', 'list', '-o=wide'])).toBeUndefined();
    expect(parseFastPluginList(['plugin', 'list', 'extra'])).toBeUndefined();
    expect(parseFastPluginList(['plugin', 'install', 'x'])).toBeUndefined();
    expect(parseFastPluginList([])).toBeUndefined();
  });
});

describe('parseFastVersion', () => {
  it('takes --short, --template and Helm 3’s -c/--client', () => {
    expect(parseFastVersion(['version'])).toEqual({ short: false, template: undefined });
    expect(parseFastVersion(['version', '--short', '-c'])).toEqual({ short: true, template: undefined });
    expect(parseFastVersion(['version', '--template', '{{.Version}}'])).toEqual({
      short: false,
      template: '{{.Version}}',
    });
    expect(parseFastVersion(['version', '--client', '--template={{.Version}}'])).toEqual({
      short: false,
      template: '{{.Version}}',
    });
  });

  it('leaves everything else to oclif', () => {
    for (const argv of [
      ['version', '--help'],
      ['version', '--debug'],
      ['version', '--template'],
      ['version', 'extra'],
      ['version', '--short=false'],
      ['--debug', 'version'],
      ['plugin', 'list'],
    ]) {
      expect(parseFastVersion(argv), argv.join(' ')).toBeUndefined();
    }
  });
});
