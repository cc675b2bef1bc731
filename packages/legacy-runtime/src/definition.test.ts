import { createRegistry } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { subprocessRuntime } from './definition.js';

describe('subprocessRuntime', () => {
  it('registers as subprocess', () => {
    const registry = createRegistry({ types: [], runtimes: [subprocessRuntime] });
    expect(registry.runtime('subprocess')).toBe(subprocessRuntime);
  });

  it('parses runtimeConfig through the definition', () => {
    expect(subprocessRuntime.parseRuntimeConfig({ platformCommand: [{ command: 'x' }] }).value).toMatchObject({
      platformCommand: [{ command: 'x', os: '', arch: '', args: [] }],
      expandHookArgs: false,
    });
  });
});
