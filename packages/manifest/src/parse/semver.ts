const NUM = /^[0-9]*$/;
const ALLOWED = /^[0-9A-Za-z-]*$/;
const UINT64_MAX = 18446744073709551615n;

/**
 * Masterminds semver `StrictNewVersion`, as Helm uses it for plugin versions: exactly MAJOR.MINOR.PATCH
 * (each a uint64 without leading zeros), then optional `-prerelease` and `+build`; no `v` prefix.
 */
export function isStrictSemver(version: string): boolean {
  if (version === '') return false;
  const [major, minor, rest, ...more] = version.split('.');
  if (major === undefined || minor === undefined || rest === undefined) return false;
  let patch = [rest, ...more].join('.');
  const plus = patch.indexOf('+');
  if (plus >= 0) {
    if (!identifiers(patch.slice(plus + 1)).every((p) => p !== '' && ALLOWED.test(p))) return false;
    patch = patch.slice(0, plus);
  }
  const dash = patch.indexOf('-');
  if (dash >= 0) {
    const pre = identifiers(patch.slice(dash + 1));
    if (!pre.every((p) => p !== '' && ALLOWED.test(p) && !(NUM.test(p) && p.length > 1 && p.startsWith('0')))) {
      return false;
    }
    patch = patch.slice(0, dash);
  }
  return [major, minor, patch].every(isNumericSegment);
}

function identifiers(s: string): string[] {
  return s.split('.');
}

function isNumericSegment(p: string): boolean {
  if (p === '' || !NUM.test(p)) return false;
  if (p.length > 1 && p.startsWith('0')) return false;
  return BigInt(p) <= UINT64_MAX;
}
