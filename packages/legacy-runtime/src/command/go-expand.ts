/**
 * Go's `os.Expand(s, mapping)`, byte for byte: `$NAME` and `${NAME}` are replaced by `mapping(NAME)`.
 * - A name is ASCII letters, digits and `_`, or a single special character `* # $ @ ! ? -` or digit
 *   (`$1x` is `mapping("1")` then `x`; `$$` is `mapping("$")`).
 * - `${...}` takes everything up to the first `}` as the name (`${a b}` looks up "a b").
 * - `${}` is eaten; an unclosed `${` eats the `${` and keeps the rest; a `$` not followed by a name is kept,
 *   as is a `$` at the very end.
 * The syntax is all ASCII, so scanning UTF-16 code units is the same as Go scanning bytes.
 */
export function goExpand(s: string, mapping: (name: string) => string): string {
  let out = '';
  let start = 0;
  for (let j = 0; j < s.length; j++) {
    if (s[j] !== '$' || j + 1 >= s.length) continue;
    out += s.slice(start, j);
    const [name, width] = shellName(s.slice(j + 1));
    if (name === '' && width > 0) {
      // Bad syntax: the characters are eaten.
    } else if (name === '') {
      out += '$';
    } else {
      out += mapping(name);
    }
    j += width;
    start = j + 1;
  }
  return start === 0 ? s : out + s.slice(start);
}

/** Go's `os.Expand` against an environment map: unknown names expand to "". */
export function goExpandEnv(s: string, env: Readonly<Record<string, string>>): string {
  return goExpand(s, (name) => (Object.hasOwn(env, name) ? (env[name] ?? '') : ''));
}

const SPECIAL = new Set(['*', '#', '$', '@', '!', '?', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

function isAlphaNum(c: string | undefined): boolean {
  return c !== undefined && /^[A-Za-z0-9_]$/.test(c);
}

/** Go's getShellName: the name at the start of `s` and how many characters it spans. */
function shellName(s: string): [string, number] {
  if (s[0] === '{') {
    if (s.length > 2 && SPECIAL.has(s[1] as string) && s[2] === '}') return [s.slice(1, 2), 3];
    for (let i = 1; i < s.length; i++) {
      if (s[i] === '}') return i === 1 ? ['', 2] : [s.slice(1, i), i + 1];
    }
    return ['', 1];
  }
  if (SPECIAL.has(s[0] as string)) return [s.slice(0, 1), 1];
  let i = 0;
  while (i < s.length && isAlphaNum(s[i])) i++;
  return [s.slice(0, i), i];
}
