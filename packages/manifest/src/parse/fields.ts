import type { z } from 'zod';
import { decodeWith } from '../decode/go-decode.js';
import type { RawYaml } from '../decode/yaml-raw.js';
import type { ManifestIssue } from '../types.js';

export type RawMap = { [key: string]: RawYaml };

export function isRawMap(value: RawYaml | undefined): value is RawMap {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** Own-property read (a `__proto__` key is plain data in the raw tree). */
export function rawField(map: RawMap, key: string): RawYaml | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/**
 * Decodes one top-level field like yaml.v3 decodes it into a Go struct field; a wrong YAML kind becomes a
 * MANIFEST_INVALID_FIELD issue (pushed onto `issues`) and the result is undefined.
 */
export function decodeField<T>(
  map: RawMap,
  key: string,
  schema: z.ZodType<T, unknown>,
  typeName: string,
  issues: ManifestIssue[],
): T | undefined {
  const r = decodeWith(schema, rawField(map, key), [key], { invalid: 'MANIFEST_INVALID_FIELD', typeName });
  issues.push(...r.issues);
  return r.value;
}

/** The text of a field when it is a plain string, for `partial` (display of quarantined plugins). */
export function peekString(map: RawMap, key: string): string | undefined {
  const v = rawField(map, key);
  return typeof v === 'string' ? v : undefined;
}

export function prefixIssues(issues: readonly ManifestIssue[], prefix: string): ManifestIssue[] {
  return issues.map((i) => ({ ...i, path: [prefix, ...i.path] }));
}
