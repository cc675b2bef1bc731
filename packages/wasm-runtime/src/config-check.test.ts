import { describe, expect, it } from 'vitest';
import { normalisedConfig } from './config-check.js';
import { parseExtismRuntimeConfig } from './runtime-config.js';

describe('normalisedConfig', () => {
  it('recognises what the manifest loader produces, without decoding again', () => {
    const { value } = parseExtismRuntimeConfig({
      memory: { maxPages: '16', maxHttpResponseBytes: '1024' },
      config: { a: 'b' },
      allowedHosts: ['example.com:443'],
      fileSystem: { createTempDir: 'true' },
      timeout: '5000',
      hostFunctions: [],
    });
    expect(value).toBeDefined();
    expect(normalisedConfig(value)).toEqual(value);
    expect(normalisedConfig(value)).not.toBe(value);
  });

  it('leaves anything else to the full decoder', () => {
    const { value } = parseExtismRuntimeConfig({});
    for (const raw of [
      undefined,
      {},
      { timeout: 1000 },
      { ...value, timeout: '1000' },
      { ...value, memory: { ...value?.memory, maxPages: 65_537 } },
      { ...value, allowedHosts: [' '] },
      { ...value, entryFuncName: 'not a name' },
      { ...value, config: { a: 1 } },
    ]) {
      expect(normalisedConfig(raw)).toBeUndefined();
    }
  });
});
