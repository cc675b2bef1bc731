import { Helm4Error } from '@helm4/errors';

/**
 * The scheme of `href` exactly as Go's `url.Parse(href).Scheme` gives it: the letters, digits, `+`, `-`, `.`
 * before the first `:` when the text starts with a letter, lower-cased; `""` when there is no scheme.
 * Throws TYPE_GETTER_INVALID_HREF where url.Parse fails over the scheme: a control character, a leading `:`,
 * or a malformed scheme (`1s3://x`, `cache_object:foo/bar`: "first path segment in URL cannot contain colon").
 * Other url.Parse failures (bad host, port or escapes) are not detected here.
 */
export function protocolOf(href: string): string {
  // Go cuts the fragment first, then rejects ASCII control characters anywhere in the rest.
  const beforeFragment = href.split('#', 1)[0] ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: this is the check Go makes.
  if (/[\u0000-\u001f\u007f]/.test(beforeFragment)) {
    throw new Helm4Error(
      'TYPE_GETTER_INVALID_HREF',
      `parse ${JSON.stringify(href)}: net/url: invalid control character in URL`,
    );
  }
  const scheme = goScheme(href, beforeFragment);
  if (scheme !== '') return scheme.toLowerCase();
  // Without a scheme, a colon in the first path segment is refused (Go: "Avoid confusion with malformed schemes").
  const rest = beforeFragment.endsWith('?') ? beforeFragment.slice(0, -1) : (beforeFragment.split('?', 1)[0] ?? '');
  if (!rest.startsWith('/') && (rest.split('/', 1)[0] ?? '').includes(':')) {
    throw new Helm4Error(
      'TYPE_GETTER_INVALID_HREF',
      `parse ${JSON.stringify(href)}: first path segment in URL cannot contain colon`,
    );
  }
  return '';
}

/** Go's `getScheme`: the scheme as written, or "" when the text does not start with one. */
function goScheme(href: string, text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) return '';
      continue;
    }
    if (c === ':') {
      if (i === 0) {
        throw new Helm4Error('TYPE_GETTER_INVALID_HREF', `parse ${JSON.stringify(href)}: missing protocol scheme`);
      }
      return text.slice(0, i);
    }
    return '';
  }
  return '';
}
