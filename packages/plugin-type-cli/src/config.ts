import { type ConfigParseResult, decodeWith, goBool, goString, goStruct } from '@helm4/manifest';
import type { z } from 'zod';

/**
 * `config` of a cli/v1 plugin (Helm's `schema.ConfigCLIV1`), decoded strictly like yaml.v3 `KnownFields(true)`:
 * an unknown key is an issue. Absent keys take Go's zero values.
 */
export const cliConfigSchema = goStruct(
  {
    /** cobra `Use`; its first word is the subcommand name. Empty means the plugin name. */
    usage: goString(),
    /** cobra `Short`; empty means `the "<name>" plugin`. */
    shortHelp: goString(),
    /** cobra `Long`. */
    longHelp: goString(),
    /** When true the plugin receives no arguments at all. */
    ignoreFlags: goBool(),
  },
  { strict: true },
);

export type CliConfig = z.output<typeof cliConfigSchema>;

/** Decodes a raw `config` value (issue paths relative to `config`). Helm's Validate is always nil for cli/v1. */
export function parseCliConfig(raw: unknown): ConfigParseResult & { value?: CliConfig } {
  return decodeWith(cliConfigSchema, raw, [], {
    invalid: 'MANIFEST_INVALID_FIELD',
    unknownField: 'MANIFEST_UNKNOWN_FIELD',
    typeName: 'schema.ConfigCLIV1',
  });
}
