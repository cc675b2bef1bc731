import type { ManifestIssue } from '../types.js';
import { isStrictSemver } from './semver.js';

const VALID_NAME = /^[A-Za-z0-9_-]+$/;

export function isValidPluginName(name: string): boolean {
  return VALID_NAME.test(name);
}

export function checkName(name: string): ManifestIssue[] {
  if (isValidPluginName(name)) return [];
  return [
    {
      code: 'MANIFEST_INVALID_NAME',
      message: `invalid plugin name ${goQuote(name)}: must contain only a-z, A-Z, 0-9, _ and -`,
      path: ['name'],
    },
  ];
}

/** `required`: apiVersion v1 (Helm 4.1.4+); legacy plugins may omit the version but not get it wrong. */
export function checkVersion(version: string, required: boolean): ManifestIssue[] {
  if (version === '') {
    return required
      ? [{ code: 'MANIFEST_VERSION_REQUIRED', message: 'plugin `version` is required', path: ['version'] }]
      : [];
  }
  if (isStrictSemver(version)) return [];
  return [
    {
      code: 'MANIFEST_INVALID_VERSION',
      message: `invalid plugin \`version\` ${goQuote(version)}: must be valid semver`,
      path: ['version'],
    },
  ];
}

/** Go's `%q` for the strings we quote (close enough: JSON escaping). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
