import { createRegistry } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { postRendererPluginType } from './definition.js';

describe('postRendererPluginType', () => {
  it('registers as postrenderer/v1 and under its HIP-0026 name', () => {
    expect(postRendererPluginType.type).toBe('postrenderer/v1');
    const registry = createRegistry({ types: [postRendererPluginType], runtimes: [] });
    expect(registry.type('postrenderer/v1')).toBe(postRendererPluginType);
    expect(registry.type('postrender.plugins.helm.sh/v1')).toBe(postRendererPluginType);
  });

  it('parses config through the definition', () => {
    expect(postRendererPluginType.parseConfig({ x: '1' }).issues.map((i) => i.code)).toEqual([
      'MANIFEST_UNKNOWN_FIELD',
    ]);
  });
});
