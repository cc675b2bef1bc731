import { z } from 'zod';
import type { ManifestIssue } from '../types.js';

/*
 * Decoders that give a raw YAML value (see yaml-raw.ts) the type of a Go struct field the way yaml.v3 does:
 * absent or null → the zero value; scalars are read from their text; a map where a string is expected is an
 * error. Plugin-type and runtime packages build their config schemas from these, so every package decodes
 * plugin.yaml exactly like Helm.
 */

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return '!!seq';
  if (v !== null && typeof v === 'object') return '!!map';
  return `!!str \`${String(v)}\``;
}

const nullToZero =
  <T>(zero: () => T) =>
  (v: unknown) =>
    v === null || v === undefined ? zero() : v;

/** Decoders without options are shared instances: building a zod schema costs far more than using one. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export const goString = once(() =>
  z.preprocess(
    nullToZero(() => ''),
    z.string({ error: (iss) => `cannot unmarshal ${kindOf(iss.input)} into string` }),
  ),
);

const TRUE = new Set(['true', 'True', 'TRUE', 'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON']);
const FALSE = new Set(['false', 'False', 'FALSE', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

export const goBool = once(() =>
  z.preprocess(
    (v) => {
      if (v === null || v === undefined) return false;
      if (typeof v === 'string' && TRUE.has(v)) return true;
      if (typeof v === 'string' && FALSE.has(v)) return false;
      return v;
    },
    z.boolean({ error: (iss) => `cannot unmarshal ${kindOf(iss.input)} into bool` }),
  ),
);

function parseGoInt(text: string): number | undefined {
  const t = text.replace(/_/g, '');
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^([-+]?)0x([0-9a-fA-F]+)$/))) return Number.parseInt(`${m[1]}${m[2]}`, 16);
  if ((m = t.match(/^([-+]?)0o?([0-7]+)$/))) return Number.parseInt(`${m[1]}${m[2]}`, 8);
  if ((m = t.match(/^([-+]?)0b([01]+)$/))) return Number.parseInt(`${m[1]}${m[2]}`, 2);
  if (/^[-+]?\d+$/.test(t)) return Number.parseInt(t, 10);
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) {
    const f = Number(t);
    return Number.isInteger(f) ? f : undefined;
  }
  return undefined;
}

/** A Go integer; `unsigned` rejects negatives (uint32/uint64 fields). */
export function goInt(opts: { unsigned?: boolean; goType?: string } = {}) {
  const goType = opts.goType ?? (opts.unsigned ? 'uint64' : 'int');
  return z.preprocess(
    (v) => {
      if (v === null || v === undefined) return 0;
      if (typeof v === 'string') return parseGoInt(v) ?? v;
      return v;
    },
    z
      .number({ error: (iss) => `cannot unmarshal ${kindOf(iss.input)} into ${goType}` })
      .int()
      .min(opts.unsigned ? 0 : Number.MIN_SAFE_INTEGER, { error: `cannot unmarshal a negative number into ${goType}` })
      .max(Number.MAX_SAFE_INTEGER),
  );
}

export function goList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    nullToZero(() => []),
    z.array(item, { error: (iss) => `cannot unmarshal ${kindOf(iss.input)} into a list` }),
  );
}

export const goStringMap = once(() => goMap(goString()));

/** A Go `map[string]T`. (A `__proto__` key is dropped rather than allowed to touch the prototype.) */
export function goMap<T extends z.ZodType>(value: T) {
  return z.preprocess(
    nullToZero(() => ({})),
    z.record(z.string(), value, { error: (iss) => `cannot unmarshal ${kindOf(iss.input)} into a map` }),
  );
}

/**
 * A Go struct. `strict` = yaml.v3 KnownFields(true): an unknown key is an error. Otherwise unknown keys are
 * dropped, as yaml.v3 drops keys that have no struct field.
 */
export function goStruct<S extends z.ZodRawShape>(shape: S, opts: { strict: boolean }) {
  const obj = z.object(shape, { error: (iss) => `cannot unmarshal ${kindOf(iss.input)} into a struct` });
  return z.preprocess(
    nullToZero(() => ({})),
    opts.strict ? obj.strict() : obj.strip(),
  ) as unknown as z.ZodType<z.infer<typeof obj>, unknown>;
}

/** Maps zod issues to manifest issues. Unknown keys become one MANIFEST_UNKNOWN_FIELD each. */
export function toManifestIssues(
  error: z.ZodError,
  basePath: (string | number)[],
  codes: { invalid: string; unknownField?: string; typeName: string },
): ManifestIssue[] {
  const out: ManifestIssue[] = [];
  for (const iss of error.issues) {
    const path = [...basePath, ...iss.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) {
        out.push({
          code: codes.unknownField ?? 'MANIFEST_UNKNOWN_FIELD',
          message: `field ${key} not found in type ${codes.typeName}`,
          path: [...path, key],
        });
      }
    } else {
      out.push({ code: codes.invalid, message: iss.message, path });
    }
  }
  return out;
}

/** Parses with a Go-like schema and returns Helm's `{value, issues}` shape. */
export function decodeWith<T>(
  schema: z.ZodType<T, unknown>,
  raw: unknown,
  basePath: (string | number)[],
  codes: { invalid: string; unknownField?: string; typeName: string },
): { value?: T; issues: ManifestIssue[] } {
  const r = schema.safeParse(raw);
  if (r.success) return { value: r.data, issues: [] };
  return { issues: toManifestIssues(r.error, basePath, codes) };
}
