import { type ConfigParseResult, decodeWith, goList, goString, goStruct, type ManifestIssue } from '@helm4/manifest';
import type { z } from 'zod';

/**
 * `config` of a getter/v1 plugin (Helm's `schema.ConfigGetterV1`), decoded strictly like yaml.v3
 * `KnownFields(true)`. For a legacy plugin the manifest package passes the flattened downloader protocols.
 */
export const getterConfigSchema = goStruct(
  {
    /** URL schemes the plugin serves, e.g. `s3`; the host routes by `url.Parse(href).Scheme`. */
    protocols: goList(goString()),
  },
  { strict: true },
);

export type GetterConfig = z.output<typeof getterConfigSchema>;

/** Decodes a raw `config` value and applies Helm's `ConfigGetterV1.Validate` (issue paths relative to `config`). */
export function parseGetterConfig(raw: unknown): ConfigParseResult & { value?: GetterConfig } {
  const decoded = decodeWith(getterConfigSchema, raw, [], {
    invalid: 'MANIFEST_INVALID_FIELD',
    unknownField: 'MANIFEST_UNKNOWN_FIELD',
    typeName: 'schema.ConfigGetterV1',
  });
  if (decoded.value === undefined) return decoded;
  const issues = validateGetterConfig(decoded.value);
  return issues.length > 0 ? { issues } : decoded;
}

function validateGetterConfig(config: GetterConfig): ManifestIssue[] {
  if (config.protocols.length === 0) {
    return [{ code: 'TYPE_GETTER_NO_PROTOCOLS', message: 'getter has no protocols', path: ['protocols'] }];
  }
  const issues: ManifestIssue[] = [];
  config.protocols.forEach((protocol, i) => {
    if (protocol === '') {
      issues.push({
        code: 'TYPE_GETTER_EMPTY_PROTOCOL',
        message: `getter has empty protocol at index ${i}`,
        path: ['protocols', i],
      });
    }
  });
  return issues;
}
