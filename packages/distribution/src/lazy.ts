/*
 * The public operations, each loading its implementation on first call: importing @helm4/distribution (as
 * `helm plugin list` does) must not load openpgp, tar, yaml or zod. index.imports.test.ts checks it.
 */
import type { InstallPluginOptions, InstallPluginResult } from './install/options.js';
import type { PushPluginOptions, PushPluginResult } from './oci/push-plugin.js';
import type { PackagePluginOptions, PackagePluginResult } from './package/package-plugin.js';
import type { SignedTarball, SignPluginOptions } from './sign/sign-tarball.js';
import type { UninstallPluginsOptions, UninstallPluginsResult } from './uninstall/uninstall-plugin.js';
import type { UpdatePluginsOptions, UpdatePluginsResult } from './update/update-plugin.js';
import type { VerificationReport, VerifyPluginOptions } from './verify/verify-tarball.js';

export async function packagePlugin(options: PackagePluginOptions): Promise<PackagePluginResult> {
  return (await import('./package/package-plugin.js')).packagePlugin(options);
}

export async function signPluginTarball(options: SignPluginOptions): Promise<SignedTarball> {
  return (await import('./sign/sign-tarball.js')).signPluginTarball(options);
}

export async function verifyPluginTarball(options: VerifyPluginOptions): Promise<VerificationReport> {
  return (await import('./verify/verify-tarball.js')).verifyPluginTarball(options);
}

export async function installPlugin(options: InstallPluginOptions): Promise<InstallPluginResult> {
  return (await import('./install/install-plugin.js')).installPlugin(options);
}

export async function uninstallPlugins(options: UninstallPluginsOptions): Promise<UninstallPluginsResult> {
  return (await import('./uninstall/uninstall-plugin.js')).uninstallPlugins(options);
}

export async function updatePlugins(options: UpdatePluginsOptions): Promise<UpdatePluginsResult> {
  return (await import('./update/update-plugin.js')).updatePlugins(options);
}

export async function pushPlugin(options: PushPluginOptions): Promise<PushPluginResult> {
  return (await import('./oci/push-plugin.js')).pushPlugin(options);
}
