import { emitDocument, type YamlEvent } from './emitter.js';
import { canUsePlain } from './resolve.js';
import { sortGoYamlKeys } from './sort.js';

/**
 * A value as `sigs.k8s.io/yaml.Marshal` sees it after its JSON round trip: Go structs have become maps keyed by
 * field name, nil slices and maps `null`. Numbers that are integers are Go ints; others are float64.
 */
export type GoValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | readonly GoValue[]
  | { readonly [key: string]: GoValue };

const encoder = new TextEncoder();

function scalar(value: string, style: 'plain' | 'double' | 'literal'): YamlEvent {
  return { type: 'scalar', value: encoder.encode(value), style };
}

/**
 * What go-yaml v2 reads back from the double-quoted string encoding/json wrote: everything as it was, except a
 * raw NEL (U+0085, which encoding/json does not escape). YAML counts NEL as a line break, and line breaks in
 * flow scalars fold: one break (with the spaces around it) becomes a space, n breaks become n-1 newlines.
 */
export function afterJsonRoundTrip(s: string): string {
  if (!s.includes('\u0085')) return s;
  return s.replace(/ *\u0085[ \u0085]*/g, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

/** encoder.stringv: literal when multi-line, plain when it reads back as a string, else double-quoted. */
function stringEvent(raw: string): YamlEvent {
  const s = afterJsonRoundTrip(raw);
  if (s.includes('\n')) return scalar(s, 'literal');
  return scalar(s, canUsePlain(s) ? 'plain' : 'double');
}

/** strconv.FormatFloat(f, 'g', -1, 64), which go-yaml uses for float64. */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Number.POSITIVE_INFINITY) return '.inf';
  if (f === Number.NEGATIVE_INFINITY) return '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa = '', exponent = '0'] = Math.abs(f).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(exponent);
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  const point = exp + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function events(value: GoValue, out: YamlEvent[]): void {
  if (value === null) {
    out.push(scalar('null', 'plain'));
  } else if (typeof value === 'boolean') {
    out.push(scalar(value ? 'true' : 'false', 'plain'));
  } else if (typeof value === 'bigint') {
    out.push(scalar(value.toString(), 'plain'));
  } else if (typeof value === 'number') {
    // encoding/json writes integral float64 below 1e21 without a fraction, which go-yaml reads back as an int.
    const integral = Number.isInteger(value) && Math.abs(value) < 1e21;
    out.push(scalar(integral ? BigInt(value).toString() : formatGoFloat(value), 'plain'));
  } else if (typeof value === 'string') {
    out.push(stringEvent(value));
  } else if (Array.isArray(value)) {
    out.push({ type: 'sequence-start' });
    for (const item of value as readonly GoValue[]) events(item, out);
    out.push({ type: 'sequence-end' });
  } else {
    const map = value as { readonly [key: string]: GoValue };
    out.push({ type: 'mapping-start' });
    for (const key of sortGoYamlKeys(Object.keys(map))) {
      out.push(stringEvent(key));
      events(map[key] ?? null, out);
    }
    out.push({ type: 'mapping-end' });
  }
}

/**
 * `sigs.k8s.io/yaml.Marshal` (JSON, then go-yaml v2) of an already JSON-shaped value: keys in go-yaml's order,
 * go-yaml's quoting and 80-column folding. The result ends with a newline.
 */
export function marshalGoYaml(value: GoValue): string {
  const out: YamlEvent[] = [];
  events(value, out);
  return emitDocument(out);
}
