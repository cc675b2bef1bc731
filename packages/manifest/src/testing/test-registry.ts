/*
 * Test-only registry: minimal stand-ins for the real plugin-type and runtime packages (written separately),
 * built from the same Go-like decoders. Not exported from the package.
 */
import { z } from 'zod';
import { decodeWith, goBool, goList, goMap, goString, goStruct } from '../decode/go-decode.js';
import { goPlatformCommand } from '../decode/platform-command.js';
import type { ConfigParseResult, PluginRegistry, PluginTypeDefinition, RuntimeDefinition } from '../registry.js';
import { createRegistry } from '../registry.js';
import type { ManifestIssue } from '../types.js';

const invalid = (typeName: string) => ({ invalid: 'MANIFEST_INVALID_FIELD', typeName });

function strictType(
  type: string,
  shape: z.ZodRawShape,
  typeName: string,
  validate: (value: Record<string, unknown>) => ManifestIssue[] = () => [],
  aliases: string[] = [],
): PluginTypeDefinition {
  const schema = goStruct(shape, { strict: true });
  return {
    type,
    aliases,
    parseConfig(raw: unknown): ConfigParseResult {
      const r = decodeWith(schema, raw, [], invalid(typeName));
      if (r.value === undefined) return { issues: r.issues };
      const value = r.value as Record<string, unknown>;
      const issues = validate(value);
      return issues.length > 0 ? { issues } : { value, issues };
    },
  };
}

export const cliType = strictType(
  'cli/v1',
  { usage: goString(), shortHelp: goString(), longHelp: goString(), ignoreFlags: goBool() },
  'schema.ConfigCLIV1',
  () => [],
  ['cli.plugins.helm.sh/v1'],
);

export const getterType = strictType(
  'getter/v1',
  { protocols: goList(goString()) },
  'schema.ConfigGetterV1',
  (value) => {
    const protocols = value['protocols'] as string[];
    if (protocols.length === 0) {
      return [{ code: 'TYPE_GETTER_NO_PROTOCOLS', message: 'getter has no protocols', path: ['protocols'] }];
    }
    return protocols.flatMap((p, i) =>
      p === ''
        ? [
            {
              code: 'TYPE_GETTER_EMPTY_PROTOCOL',
              message: `getter has empty protocol at index ${i}`,
              path: ['protocols', i],
            },
          ]
        : [],
    );
  },
  ['download.plugins.helm.sh/v1'],
);

export const postrendererType = strictType('postrenderer/v1', {}, 'schema.ConfigPostRendererV1');
export const testType = strictType('test/v1', {}, 'schema.ConfigTestV1');

const subprocessSchema = goStruct(
  {
    platformCommand: goList(goPlatformCommand()),
    platformHooks: goMap(goList(goPlatformCommand())),
    protocolCommands: goList(
      goStruct({ protocols: goList(goString()), platformCommand: goList(goPlatformCommand()) }, { strict: false }),
    ),
  },
  { strict: false },
);

export const subprocessRuntime: RuntimeDefinition = {
  name: 'subprocess',
  parseRuntimeConfig(raw) {
    const r = decodeWith(subprocessSchema, raw, [], invalid('plugin.RuntimeConfigSubprocess'));
    return r.value === undefined ? { issues: r.issues } : { value: { ...r.value, expandHookArgs: false }, issues: [] };
  },
};

export const extismRuntime: RuntimeDefinition = {
  name: 'extism/v1',
  parseRuntimeConfig(raw) {
    const r = decodeWith(z.record(z.string(), z.unknown()).or(z.null()).or(z.undefined()), raw, [], invalid('x'));
    if (r.issues.length > 0) return { issues: r.issues };
    return { value: { ...(r.value ?? {}) }, issues: [] };
  },
};

export function testRegistry(version = 'test'): PluginRegistry {
  return createRegistry({
    types: [cliType, getterType, postrendererType, testType],
    runtimes: [subprocessRuntime, extismRuntime],
    version,
  });
}
