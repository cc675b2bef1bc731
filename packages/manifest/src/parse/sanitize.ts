// Go's unicode.IsSpace: the Latin-1 spaces, then the White_Space property.
const SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]$/u;
// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Helm's sanitizeString (legacy `usage`): whitespace becomes a space, non-printable characters are dropped. */
export function sanitizeString(s: string): string {
  let out = '';
  for (const ch of s) {
    if (SPACE.test(ch)) out += ' ';
    else if (PRINT.test(ch)) out += ch;
  }
  return out;
}
