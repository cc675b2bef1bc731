import type { RawYaml } from '@helm4/manifest';

/**
 * A small JSON Schema (draft 2020-12) checker for tests, over a YAML document as Go's yaml.v2 sees it before
 * decoding into a struct (@helm4/manifest's parseRawYaml: scalars are their text). A `string` is any scalar
 * (yaml.v2 sets a string field from any scalar), a `boolean` a YAML 1.1 bool, and null means absent (Go's zero
 * value). Only the keywords below are understood; any other validation keyword throws, so the schema cannot
 * silently ask for more than is checked.
 */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'boolean';
  required?: string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  pattern?: string;
  minLength?: number;
  enum?: string[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description']);
const KEYWORDS = new Set([
  'type',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'pattern',
  'minLength',
  'enum',
  '$ref',
  '$defs',
]);
/** yaml.v2's bool spellings (YAML 1.1). */
const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

export interface SchemaError {
  path: string;
  message: string;
}

function isMap(v: RawYaml): v is { [key: string]: RawYaml } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function validate(value: RawYaml, schema: JsonSchema): SchemaError[] {
  const errors: SchemaError[] = [];
  check(value, schema, schema, '$', errors);
  return errors;
}

function resolve(ref: string, root: JsonSchema): JsonSchema {
  const m = /^#\/\$defs\/(.+)$/.exec(ref);
  const target = m === null ? undefined : root.$defs?.[m[1] ?? ''];
  if (target === undefined) throw new Error(`unsupported or dangling $ref ${ref}`);
  return target;
}

function check(value: RawYaml, schema: JsonSchema, root: JsonSchema, at: string, errors: SchemaError[]): void {
  for (const key of Object.keys(schema)) {
    if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`unsupported schema keyword ${key} at ${at}`);
  }
  if (schema.$ref !== undefined) check(value, resolve(schema.$ref, root), root, at, errors);
  const fail = (message: string) => {
    errors.push({ path: at, message });
  };
  const kindOk: Record<NonNullable<JsonSchema['type']>, boolean> = {
    object: isMap(value),
    array: Array.isArray(value),
    string: typeof value === 'string',
    boolean: typeof value === 'string' && YAML11_BOOL.test(value),
  };
  if (schema.type !== undefined && !kindOk[schema.type]) {
    fail(`expected a ${schema.type === 'object' ? 'map' : schema.type === 'array' ? 'list' : schema.type}`);
    return;
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && [...value].length < schema.minLength)
      fail(`shorter than ${schema.minLength}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
      fail(`does not match ${schema.pattern}`);
    if (schema.enum !== undefined && !schema.enum.includes(value)) fail(`not one of ${schema.enum.join(', ')}`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, i) => {
      if (item !== null) check(item, schema.items as JsonSchema, root, `${at}[${i}]`, errors);
    });
  }
  if (isMap(value)) {
    for (const key of schema.required ?? []) {
      if (value[key] === undefined || value[key] === null) errors.push({ path: `${at}.${key}`, message: 'required' });
    }
    for (const [key, item] of Object.entries(value)) {
      const where = `${at}.${key}`;
      const property = schema.properties?.[key];
      if (property !== undefined) {
        if (item !== null) check(item, property, root, where, errors);
      } else if (schema.additionalProperties === false) {
        errors.push({ path: where, message: 'unknown key' });
      } else if (typeof schema.additionalProperties === 'object' && item !== null) {
        check(item, schema.additionalProperties, root, where, errors);
      }
    }
  }
}
