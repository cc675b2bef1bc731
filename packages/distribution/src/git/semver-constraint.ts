/**
 * Enough of Masterminds/semver v3 (what Helm's VCS installer uses for `--version`) to pick a tag: lenient
 * versions (`v1.2`, `1`), constraints joined by `||` (or) and `,` / spaces (and), operators = != > < >= <= ~ ~>
 * ^, `x`/`*` wildcards and hyphen ranges. As in Masterminds, a pre-release version only satisfies a constraint
 * that itself names a pre-release.
 */
export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
  original: string;
}

const LENIENT = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): SemVer | undefined {
  const m = LENIENT.exec(text.trim());
  if (m === null) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2] ?? 0),
    patch: Number(m[3] ?? 0),
    prerelease: m[4] === undefined ? [] : m[4].split('.'),
    original: text,
  };
}

function comparePre(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  if (a.length === 0) return 1;
  if (b.length === 0) return -1;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) {
      if (Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    } else if (xn !== yn) {
      return xn ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

export function compareVersions(a: SemVer, b: SemVer): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || comparePre(a.prerelease, b.prerelease);
}

type Check = (v: SemVer) => boolean;

interface Partial {
  major?: number;
  minor?: number;
  patch?: number;
  prerelease: string[];
}

const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parsePartial(text: string): Partial | undefined {
  const m = PARTIAL.exec(text);
  if (m === null) return undefined;
  const num = (s: string | undefined) => (s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s));
  const major = num(m[1]);
  const minor = major === undefined ? undefined : num(m[2]);
  const patch = minor === undefined ? undefined : num(m[3]);
  return {
    ...(major === undefined ? {} : { major }),
    ...(minor === undefined ? {} : { minor }),
    ...(patch === undefined ? {} : { patch }),
    prerelease: m[4] === undefined ? [] : m[4].split('.'),
  };
}

const v = (major: number, minor: number, patch: number, prerelease: string[] = []): SemVer => ({
  major,
  minor,
  patch,
  prerelease,
  original: '',
});

const lower = (p: Partial) => v(p.major ?? 0, p.minor ?? 0, p.patch ?? 0, p.prerelease);

/** The exclusive upper bound of a partial version used as `=`, e.g. 1.2 → <1.3.0. */
function nextOf(p: Partial): SemVer | undefined {
  if (p.major === undefined) return undefined;
  if (p.minor === undefined) return v(p.major + 1, 0, 0);
  if (p.patch === undefined) return v(p.major, p.minor + 1, 0);
  return undefined;
}

function single(op: string, p: Partial): Check {
  const lo = lower(p);
  const hi = nextOf(p);
  const cmp = (x: SemVer) => compareVersions(x, lo);
  switch (op) {
    case '':
    case '=':
      return hi === undefined
        ? (x) => p.major === undefined || cmp(x) === 0
        : (x) => cmp(x) >= 0 && compareVersions(x, hi) < 0;
    case '!=':
      return hi === undefined ? (x) => cmp(x) !== 0 : (x) => cmp(x) < 0 || compareVersions(x, hi) >= 0;
    case '>':
      return hi === undefined ? (x) => cmp(x) > 0 : (x) => compareVersions(x, hi) >= 0;
    case '>=':
    case '=>':
      return (x) => cmp(x) >= 0;
    case '<':
      return (x) => cmp(x) < 0;
    case '<=':
    case '=<':
      return hi === undefined ? (x) => cmp(x) <= 0 : (x) => compareVersions(x, hi) < 0;
    case '~':
    case '~>': {
      const upper = p.minor === undefined ? v((p.major ?? 0) + 1, 0, 0) : v(p.major ?? 0, p.minor + 1, 0);
      return (x) => cmp(x) >= 0 && compareVersions(x, upper) < 0;
    }
    case '^': {
      const major = p.major ?? 0;
      const upper =
        major > 0 || p.minor === undefined
          ? v(major + 1, 0, 0)
          : p.minor > 0 || p.patch === undefined
            ? v(0, p.minor + 1, 0)
            : v(0, 0, (p.patch ?? 0) + 1);
      return (x) => cmp(x) >= 0 && compareVersions(x, upper) < 0;
    }
    default:
      throw new Error(`unknown operator ${op}`);
  }
}

/** Parses a constraint; undefined when it is not one (Helm then reports the semver error). */
export function parseConstraint(text: string): ((version: SemVer) => boolean) | undefined {
  const groups: Check[][] = [];
  let mentionsPre = false;
  for (const group of text.split('||')) {
    const normalized = group
      .trim()
      .replace(/\s+-\s+/g, ' - ')
      .replace(/(=|!=|>=|<=|=>|=<|>|<|~>|~|\^)\s+/g, '$1');
    if (normalized === '') return undefined;
    const checks: Check[] = [];
    const tokens = normalized.split(/[\s,]+/).filter((t) => t !== '');
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] ?? '';
      if (tokens[i + 1] === '-' && tokens[i + 2] !== undefined) {
        const from = parsePartial(token);
        const to = parsePartial(tokens[i + 2] ?? '');
        if (from === undefined || to === undefined) return undefined;
        mentionsPre ||= from.prerelease.length > 0 || to.prerelease.length > 0;
        checks.push(single('>=', from), single('<=', to));
        i += 2;
        continue;
      }
      const m = /^(!=|>=|<=|=>|=<|~>|=|>|<|~|\^)?(.*)$/.exec(token);
      const p = parsePartial(m?.[2] ?? '');
      if (p === undefined) return undefined;
      mentionsPre ||= p.prerelease.length > 0;
      checks.push(single(m?.[1] ?? '', p));
    }
    groups.push(checks);
  }
  return (version) =>
    (version.prerelease.length === 0 || mentionsPre) && groups.some((checks) => checks.every((c) => c(version)));
}

/** The highest tag that parses as a version and satisfies the constraint (Helm's solveVersion). */
export function highestMatchingTag(tags: readonly string[], constraint: (v: SemVer) => boolean): string | undefined {
  const versions = tags.map(parseVersion).filter((x): x is SemVer => x !== undefined);
  versions.sort((a, b) => compareVersions(b, a));
  return versions.find(constraint)?.original;
}
