import { type ConfigParseResult, decodeWith, goStruct } from '@helm4/manifest';
import type { z } from 'zod';

/**
 * `config` of a postrenderer/v1 plugin (Helm's `schema.ConfigPostRendererV1{}`): no keys at all, decoded
 * strictly, so any key is MANIFEST_UNKNOWN_FIELD. An absent config is the empty config.
 */
export const postRendererConfigSchema = goStruct({}, { strict: true });

export type PostRendererConfig = z.output<typeof postRendererConfigSchema>;

/** Decodes a raw `config` value (issue paths relative to `config`). */
export function parsePostRendererConfig(raw: unknown): ConfigParseResult & { value?: PostRendererConfig } {
  return decodeWith(postRendererConfigSchema, raw, [], {
    invalid: 'MANIFEST_INVALID_FIELD',
    unknownField: 'MANIFEST_UNKNOWN_FIELD',
    typeName: 'schema.ConfigPostRendererV1',
  });
}
