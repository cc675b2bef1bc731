import type { PluginOperationOptions, ProgressReporter, TlsOptions } from '@helm4/distribution';
import type { HelmSettings } from '@helm4/settings';
import { loadRegistry } from '../registry.js';

/** What install, update and uninstall get from the CLI: settings, registry, Helm's lines on stdout. */
export function operationOptions(json: boolean, settings: HelmSettings): PluginOperationOptions {
  return {
    settings,
    registry: loadRegistry,
    print: json ? () => {} : (line) => process.stdout.write(`${line}\n`),
    // With --json, stdout is the JSON document: hook output goes to stderr.
    ...(json ? { hookOutput: { stdout: process.stderr } } : {}),
  };
}

/** A progress bar on stderr when it is a terminal (and not --json); quiet otherwise. */
export async function progressFor(json: boolean): Promise<ProgressReporter | undefined> {
  if (json || !process.stderr.isTTY) return undefined;
  const { createProgressBar } = await import('@helm4/distribution');
  return createProgressBar({ write: (t) => process.stderr.write(t), columns: process.stderr.columns || 80 });
}

export interface TransportFlags {
  'cert-file'?: string | undefined;
  'key-file'?: string | undefined;
  'ca-file'?: string | undefined;
  'insecure-skip-tls-verify'?: boolean | undefined;
  'plain-http'?: boolean | undefined;
  username?: string | undefined;
  password?: string | undefined;
}

export function transportOptions(flags: TransportFlags): {
  tls?: TlsOptions;
  plainHttp?: boolean;
  username?: string;
  password?: string;
} {
  const tls: TlsOptions = {
    ...(flags['ca-file'] ? { caFile: flags['ca-file'] } : {}),
    ...(flags['cert-file'] ? { certFile: flags['cert-file'] } : {}),
    ...(flags['key-file'] ? { keyFile: flags['key-file'] } : {}),
    ...(flags['insecure-skip-tls-verify'] ? { insecureSkipTlsVerify: true } : {}),
  };
  return {
    ...(Object.keys(tls).length > 0 ? { tls } : {}),
    ...(flags['plain-http'] === undefined ? {} : { plainHttp: flags['plain-http'] }),
    ...(flags.username ? { username: flags.username } : {}),
    ...(flags.password ? { password: flags.password } : {}),
  };
}
