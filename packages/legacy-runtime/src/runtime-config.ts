import {
  type ConfigParseResult,
  decodeWith,
  goList,
  goString,
  goStruct,
  type PlatformCommand,
  type SubprocessProtocolCommand,
  type SubprocessRuntimeConfig,
} from '@helm4/manifest';
import { z } from 'zod';

// The types are the manifest package's (it builds them directly for legacy plugin.yaml files).
export type { PlatformCommand, SubprocessProtocolCommand, SubprocessRuntimeConfig };

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return '!!seq';
  return v !== null && typeof v === 'object' ? '!!map' : `!!str \`${String(v)}\``;
}

/** A Go `map[string]T`: null is the empty map. */
function goMapOf<T extends z.ZodType>(value: T) {
  return z.preprocess(
    (v) => (v === null || v === undefined ? {} : v),
    z.record(z.string(), value, { error: (iss) => `cannot unmarshal ${kindOf(iss.input)} into a map` }),
  );
}

// Non-strict structs: unknown keys are ignored, and each result is rebuilt from the known keys only.

export const platformCommandSchema: z.ZodType<PlatformCommand, unknown> = goStruct(
  { os: goString(), arch: goString(), command: goString(), args: goList(goString()) },
  { strict: false },
).transform((c) => ({ os: c.os, arch: c.arch, command: c.command, args: c.args }));

export const protocolCommandSchema: z.ZodType<SubprocessProtocolCommand, unknown> = goStruct(
  { protocols: goList(goString()), platformCommand: goList(platformCommandSchema) },
  { strict: false },
).transform((c) => ({ protocols: c.protocols, platformCommand: c.platformCommand }));

export const subprocessRuntimeConfigSchema: z.ZodType<SubprocessRuntimeConfig, unknown> = goStruct(
  {
    platformCommand: goList(platformCommandSchema),
    platformHooks: goMapOf(goList(platformCommandSchema)),
    protocolCommands: goList(protocolCommandSchema),
  },
  { strict: false },
).transform((c) => ({
  platformCommand: c.platformCommand,
  platformHooks: c.platformHooks,
  protocolCommands: c.protocolCommands,
  expandHookArgs: false,
}));

/**
 * Decodes a raw `runtimeConfig` like yaml.v3 `Unmarshal` (non-strict: unknown keys such as the legacy
 * `command:`/`hooks:` are dropped). Helm's Validate always passes; wrong kinds are MANIFEST_INVALID_FIELD.
 */
export function parseSubprocessRuntimeConfig(raw: unknown): ConfigParseResult & { value?: SubprocessRuntimeConfig } {
  return decodeWith(subprocessRuntimeConfigSchema, raw, [], {
    invalid: 'MANIFEST_INVALID_FIELD',
    typeName: 'plugin.RuntimeConfigSubprocess',
  });
}
