import { Helm4Error, type Helm4ErrorOptions } from '@helm4/errors';

/** Every code this package raises. Append-only; listed in docs/errors.md. */
export const DIST_CODES = [
  'DIST_SOURCE_NOT_FOUND',
  'DIST_NOT_A_PLUGIN_DIR',
  'DIST_NOT_A_DIRECTORY',
  'DIST_NOT_A_TARBALL',
  'DIST_UNSUPPORTED_FILE',
  'DIST_INVALID_PLUGIN',
  'DIST_UNSAFE_NAME',
  'DIST_WRITE_FAILED',
  'DIST_READ_FAILED',
  'DIST_PROV_NOT_FOUND',
  'DIST_VERIFY_UNSUPPORTED',
  'DIST_VERIFICATION_FAILED',
  'DIST_ALREADY_INSTALLED',
  'DIST_PLUGIN_NOT_FOUND',
  'DIST_TAR_INVALID',
  'DIST_TAR_UNSAFE_PATH',
  'DIST_TAR_LINK',
  'DIST_TAR_UNSUPPORTED_ENTRY',
  'DIST_TAR_TOO_LARGE',
  'DIST_TAR_TOO_MANY_ENTRIES',
  'DIST_TARBALL_NO_MANIFEST',
  'DIST_TARBALL_LAYOUT',
  'DIST_HTTP_FAILED',
  'DIST_HTTP_STATUS',
  'DIST_DOWNLOAD_TOO_LARGE',
  'DIST_DOWNLOAD_TIMEOUT',
  'DIST_TLS_CONFIG',
  'DIST_GIT_FAILED',
  'DIST_GIT_VERSION_NOT_FOUND',
  'DIST_OCI_REFERENCE_INVALID',
  'DIST_OCI_REGISTRY_ERROR',
  'DIST_OCI_AUTH_FAILED',
  'DIST_OCI_NOT_A_PLUGIN',
  'DIST_OCI_LAYER_NOT_FOUND',
  'DIST_OCI_DIGEST_MISMATCH',
  'DIST_LOCK_TIMEOUT',
  'DIST_INSTALL_FAILED',
  'DIST_SOURCE_UNKNOWN',
  'DIST_UNINSTALL_FAILED',
  'DIST_OPTIONS_INVALID',
  'DIST_INTERRUPTED',
] as const;

export type DistCode = (typeof DIST_CODES)[number];

export function distError(code: DistCode, message: string, options: Helm4ErrorOptions = {}): Helm4Error<DistCode> {
  return new Helm4Error<DistCode>(code, message, options);
}

/** The hint of every verification failure (Helm's words: "Use --verify=false to skip verification"). */
export const SKIP_VERIFY_HINT = 'use --verify=false (or --allow-insecure-plugins) to skip signature verification';

/** Node's error code (`ENOENT`, …) of a failed fs call, if any. */
export function errnoOf(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
