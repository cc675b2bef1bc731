import path from 'node:path';
import type { ClassifiedSource } from './source.js';

/** Helm's stripPluginName: the archive's file name without `.tgz` / `.tar.gz` and a `-<version>` suffix. */
export function stripPluginName(file: string): string {
  const base = file.replace(/\.(?:tgz|tar\.gz)$/, '');
  return base.replace(/^(.*)-\d+\..*$/, '$1');
}

/**
 * The directory name Helm gives a plugin installed from `source`, known before anything is fetched (Helm refuses
 * the install when it exists, before verifying): the tarball's stripped name (local and HTTP), the repository's
 * last segment (OCI, without tag or digest) or base name (git). None for a local directory.
 */
export function helmInstallName(source: ClassifiedSource): string | undefined {
  switch (source.kind) {
    case 'local-dir':
      return undefined;
    case 'local-archive':
      return stripPluginName(path.basename(source.location));
    case 'http':
      return stripPluginName(path.posix.basename(new URL(source.location).pathname));
    case 'oci': {
      const repository = source.location.slice('oci://'.length).split('@')[0] ?? '';
      const last = repository.split('/').pop() ?? '';
      return last.split(':')[0] || undefined;
    }
    case 'git':
      return path.posix.basename(source.location.replace(/\/+$/, '')) || undefined;
  }
}
