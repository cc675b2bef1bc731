import { distError } from '../codes.js';

const VALID_NAME = /^[A-Za-z0-9_-]+$/;
const NUM = '(?:0|[1-9][0-9]*)';
const IDENT = '[0-9A-Za-z-]+';
const STRICT_SEMVER = new RegExp(
  `^${NUM}\\.${NUM}\\.${NUM}(?:-${IDENT}(?:\\.${IDENT})*)?(?:\\+${IDENT}(?:\\.${IDENT})*)?$`,
);

/**
 * `<name>-<version>.tgz`, the only way this package turns plugin metadata into a file name. A name that is not
 * `[A-Za-z0-9_-]+` or a version that is not plain semver (or empty, for a legacy plugin) is refused, so no
 * plugin.yaml can steer a path (Helm's CVE-2026-35204).
 */
export function pluginTarballName(name: string, version: string): string {
  assertSafeName(name);
  if (version !== '' && !isPlainSemver(version)) {
    throw distError('DIST_UNSAFE_NAME', `plugin version ${JSON.stringify(version)} is not a plain semantic version`, {
      hint: 'set `version:` in plugin.yaml to MAJOR.MINOR.PATCH (e.g. 1.2.3)',
      details: { name, version },
    });
  }
  return `${name}-${version}.tgz`;
}

/** Masterminds' StrictNewVersion, as Helm 4.1.4+ checks plugin versions (numeric pre-release parts: no leading 0). */
export function isPlainSemver(version: string): boolean {
  if (!STRICT_SEMVER.test(version)) return false;
  const core = version.split('+')[0] ?? '';
  const dash = core.indexOf('-');
  if (dash < 0) return true;
  return core
    .slice(dash + 1)
    .split('.')
    .every((id) => !/^0\d+$/.test(id));
}

/** A plugin name usable as a directory name: `[A-Za-z0-9_-]+`. */
export function assertSafeName(name: string): void {
  if (!VALID_NAME.test(name)) {
    throw distError('DIST_UNSAFE_NAME', `plugin name ${JSON.stringify(name)} is not valid`, {
      hint: 'a plugin name may contain only a-z, A-Z, 0-9, _ and -',
      details: { name },
    });
  }
}
