import { createRegistry } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { extismRuntime } from './definition.js';

describe('extismRuntime', () => {
  it('registers as extism/v1', () => {
    const registry = createRegistry({ types: [], runtimes: [extismRuntime] });
    expect(registry.runtime('extism/v1')).toBe(extismRuntime);
  });

  it('parses runtimeConfig through the definition', () => {
    expect(extismRuntime.parseRuntimeConfig({ timeout: '1000' }).value).toMatchObject({
      timeout: 1000,
      entryFuncName: 'helm_plugin_main',
    });
    expect(extismRuntime.parseRuntimeConfig({ allowedHosts: [''] }).issues.map((i) => i.code)).toEqual([
      'RUNTIME_CONFIG_EMPTY_HOST',
    ]);
  });
});
