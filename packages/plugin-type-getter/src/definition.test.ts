import { createRegistry } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { getterPluginType } from './definition.js';

describe('getterPluginType', () => {
  it('registers as getter/v1 and under its HIP-0026 name', () => {
    expect(getterPluginType.type).toBe('getter/v1');
    const registry = createRegistry({ types: [getterPluginType], runtimes: [] });
    expect(registry.type('getter/v1')).toBe(getterPluginType);
    expect(registry.type('download.plugins.helm.sh/v1')).toBe(getterPluginType);
  });

  it('validates config through the definition', () => {
    expect(getterPluginType.parseConfig({ protocols: [] }).issues.map((i) => i.code)).toEqual([
      'TYPE_GETTER_NO_PROTOCOLS',
    ]);
  });
});
