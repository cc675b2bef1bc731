import type { Writable } from 'node:stream';
import type { LoadedPlugin, PluginRegistry } from '@helm4/manifest';
import type { PluginInstance } from '@helm4/runtime';
import type { HelmSettings } from '@helm4/settings';
import type { TlsOptions } from '../http/client.js';
import type { ProgressReporter } from '../progress/progress.js';
import type { TarLimits } from '../tarball/read-tarball.js';
import type { VerificationReport } from '../verify/verify-tarball.js';
import type { LockOptions } from './lock.js';
import type { SourceKind } from './source.js';

/** What install, update and uninstall share. */
export interface PluginOperationOptions {
  settings: Pick<HelmSettings, 'pluginsDirectory' | 'dataHome' | 'cacheHome'> &
    Partial<Pick<HelmSettings, 'registryConfig'>>;
  registry: () => Promise<PluginRegistry>;
  /** Helm's progress lines, in order (`Verifying plugin signature...`, `Installed plugin: x`, …). */
  print?: (line: string) => void;
  /** Run lifecycle hooks (default true). */
  runHooks?: boolean;
  /** Binds a plugin to its runtime for hooks; default: the subprocess runtime, no hooks for other runtimes. */
  createInstance?: (plugin: LoadedPlugin) => Promise<PluginInstance | undefined>;
  /** Where hook output goes; the process's stdout / stderr by default. */
  hookOutput?: { stdout?: Writable; stderr?: Writable };
  lock?: LockOptions;
  /** Environment for defaults (keyring path). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** How plugins are fetched and checked (install and update). */
export interface FetchOptions {
  /** `--verify` (default true). */
  verify?: boolean;
  /** `--allow-insecure-plugins`: the HIP's name for `--verify=false`. */
  allowInsecure?: boolean;
  /** Public keyring; default $GNUPGHOME/pubring.gpg or ~/.gnupg/pubring.gpg. */
  keyring?: string;
  /** `--version`: git ref or semver constraint; for oci:// the tag when the reference has none. */
  version?: string;
  tls?: TlsOptions;
  /** `--plain-http` (OCI). */
  plainHttp?: boolean;
  username?: string;
  password?: string;
  progress?: ProgressReporter;
  limits?: { maxDownloadBytes?: number; tar?: TarLimits; idleTimeoutMs?: number };
}

export interface InstallPluginOptions extends PluginOperationOptions, FetchOptions {
  source: string;
}

export interface InstallPluginResult {
  name: string;
  version: string;
  /** The installed directory (a symbolic link for a local directory). */
  dir: string;
  kind: SourceKind;
  source: string;
  /** Present when the signature was checked. */
  verification?: VerificationReport;
  /** True when verification was skipped on request (--verify=false / --allow-insecure-plugins). */
  verificationSkipped: boolean;
  resolved?: { commit?: string; ref?: string; digest?: string; sha256?: string };
}
