import { createRegistry } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { cliPluginType } from './definition.js';

describe('cliPluginType', () => {
  it('registers as cli/v1 and under its HIP-0026 name', () => {
    expect(cliPluginType.type).toBe('cli/v1');
    const registry = createRegistry({ types: [cliPluginType], runtimes: [] });
    expect(registry.type('cli/v1')).toBe(cliPluginType);
    expect(registry.type('cli.plugins.helm.sh/v1')).toBe(cliPluginType);
  });

  it('parses config through the definition', () => {
    expect(cliPluginType.parseConfig({ ignoreFlags: 'true' }).value).toMatchObject({ ignoreFlags: true });
  });
});
