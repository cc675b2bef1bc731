/*
 * go-yaml v2's implicit tag resolution (resolve.go) and its base-60 check (encode.go), reduced to the one
 * question its encoder asks of a string: would it read back as a string if written unquoted? If not, the
 * encoder double-quotes it (`"true"`, `"1.0"`, `""`, `"2024-01-02"`, `"1:20"`).
 */

const NON_STRING_WORDS = new Set([
  // bool (YAML 1.1)
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  // null
  '',
  '~',
  'null',
  'Null',
  'NULL',
  // float
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
]);

/** resolveTable: which first bytes may start a non-string plain scalar. */
function hintOf(s: string): 'S' | 'D' | 'M' | '.' | undefined {
  const c = s[0];
  if (c === undefined) return 'M'; // Go uses 'N' for "", which is looked up in the map like 'M'.
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return undefined;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseFloat on a decimal literal: syntax per the regexp, and no overflow to ±Inf. */
function parsesAsFloat(s: string, syntax: RegExp): boolean {
  return syntax.test(s) && Number.isFinite(Number(s));
}

/** strconv.ParseInt(s, 0, 64), then strconv.ParseUint(s, 0, 64). */
function parsesAsInt(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (m === null) return false;
  const sign = m[1] ?? '';
  let body = m[2] ?? '';
  if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
  const magnitude = BigInt(body);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return true;
  return sign === '' && value <= UINT64_MAX;
}

const DATE = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;
const CLOCK = String.raw`(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?`;
const TIMESTAMP_FORMATS = [
  // "2006-1-2T15:4:5.999999999Z07:00" and its lower-case "t" twin
  new RegExp(String.raw`^${DATE}[Tt]${CLOCK}(?:Z|[+-](\d{2}):(\d{2}))$`),
  // "2006-1-2 15:4:5.999999999" (a layout space matches one or more spaces)
  new RegExp(`^${DATE} +${CLOCK}$`),
  // "2006-1-2"
  new RegExp(`^${DATE}$`),
];

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** parseTimestamp: go-yaml's subset of YAML timestamps, as Go's time.Parse accepts them. */
function parsesAsTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  return TIMESTAMP_FORMATS.some((format) => {
    const m = format.exec(s);
    if (m === null) return false;
    const [year, month, day, hour, minute, second, tzHour, tzMinute] = m.slice(1).map((g) => Number(g ?? 0));
    if (month === undefined || month < 1 || month > 12) return false;
    if (day === undefined || day < 1 || day > daysIn(month, year ?? 0)) return false;
    if ((hour ?? 0) >= 24 || (minute ?? 0) >= 60 || (second ?? 0) >= 60) return false;
    return (tzHour ?? 0) <= 24 && (tzMinute ?? 0) <= 60;
  });
}

/** True when go-yaml v2 would resolve `s`, written as a plain scalar, to a string. */
export function resolvesToString(s: string): boolean {
  const hint = hintOf(s);
  if (hint === undefined) return true;
  if (NON_STRING_WORDS.has(s)) return false;
  switch (hint) {
    case 'M':
      return true;
    case '.':
      return !parsesAsFloat(s, /^\.[0-9]+([eE][-+]?[0-9]+)?$/);
    case 'D':
    case 'S': {
      if (parsesAsTimestamp(s)) return false;
      const plain = s.replaceAll('_', '');
      return !parsesAsInt(plain) && !parsesAsFloat(plain, YAML_STYLE_FLOAT);
    }
  }
}

/** isBase60Float: YAML 1.1 sexagesimal numbers (`1:20`), quoted for other parsers' sake. */
export function isBase60Float(s: string): boolean {
  const c = s[0];
  if (c === undefined || !(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

/** The encoder's choice for a string: `plain` when it can be written unquoted. */
export function canUsePlain(s: string): boolean {
  return resolvesToString(s) && !isBase60Float(s);
}
