import { stat } from 'node:fs/promises';
import path from 'node:path';
import { distError } from '../codes.js';
import { redactUrl, request, type TlsOptions } from '../http/client.js';

export type SourceKind = 'local-dir' | 'local-archive' | 'http' | 'git' | 'oci';

export interface ClassifiedSource {
  kind: SourceKind;
  /** The source: an absolute path for local ones, else as given. */
  location: string;
  /** http: whether the URL names a tarball (by suffix or Content-Type), which makes it verifiable. */
  archive: boolean;
}

const ARCHIVE_SUFFIXES = ['.tgz', '.tar.gz'];
const GZIP_TYPES = ['application/gzip', 'application/x-gzip', 'application/x-tgz', 'application/x-gtar'];

export function hasArchiveSuffix(name: string): boolean {
  return ARCHIVE_SUFFIXES.some((s) => name.endsWith(s));
}

/** Helm's isRemoteHTTPArchive: the suffix, or a HEAD answered with a gzip Content-Type. */
async function isHttpArchive(url: string, tls: TlsOptions | undefined): Promise<boolean> {
  if (hasArchiveSuffix(new URL(url).pathname) || hasArchiveSuffix(url)) return true;
  try {
    const res = await request(url, { method: 'HEAD', ...(tls === undefined ? {} : { tls }), idleTimeoutMs: 10_000 });
    res.body.resume();
    const type = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    return res.status < 400 && type !== undefined && GZIP_TYPES.includes(type);
  } catch {
    return false;
  }
}

/**
 * Helm's NewForSource: `oci://` → OCI; an existing path → a local directory or archive; an http(s) URL of a
 * tarball → HTTP; anything else → a git repository (Helm's VCS installer; we speak git only).
 */
export async function classifySource(source: string, tls?: TlsOptions): Promise<ClassifiedSource> {
  if (source.startsWith('oci://')) return { kind: 'oci', location: source, archive: true };
  let info: Awaited<ReturnType<typeof stat>> | undefined;
  try {
    info = await stat(source);
  } catch {
    info = undefined;
  }
  if (info !== undefined) {
    const location = path.resolve(source);
    if (info.isDirectory()) return { kind: 'local-dir', location, archive: false };
    if (hasArchiveSuffix(location)) return { kind: 'local-archive', location, archive: true };
    throw distError('DIST_NOT_A_PLUGIN_DIR', `${source} is neither a plugin directory nor a .tgz / .tar.gz archive`, {
      hint: "expected plugin to be a directory (containing a file 'plugin.yaml') or a plugin tarball",
      details: { path: location },
    });
  }
  if (/^https?:\/\//i.test(source)) {
    const archive = await isHttpArchive(source, tls);
    return { kind: archive ? 'http' : 'git', location: source, archive };
  }
  if (/^(?:file|git|ssh|git\+ssh):\/\//i.test(source) || /^[A-Za-z0-9_]+@[A-Za-z0-9._-]+:/.test(source)) {
    return { kind: 'git', location: source, archive: false };
  }
  throw distError(
    'DIST_SOURCE_NOT_FOUND',
    `cannot get information about plugin source ${JSON.stringify(redactUrl(source))}`,
    {
      hint: 'if it is a local directory or tarball, does it exist? Otherwise give an oci://, http(s)://, file:// or git URL',
      details: { source },
    },
  );
}
