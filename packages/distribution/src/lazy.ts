/*
 * The public operations, each loading its implementation on first call: importing @helm4/distribution (as
 * `helm plugin list` does) must not load openpgp, tar, yaml or zod. index.imports.test.ts checks it.
 */
import type { PackagePluginOptions, PackagePluginResult } from './package/package-plugin.js';
import type { SignedTarball, SignPluginOptions } from './sign/sign-tarball.js';
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

export async function installPlugin(
  options: import('./install/options.js').InstallPluginOptions,
): Promise<import('./install/options.js').InstallPluginResult> {
  return (await import('./install/install-plugin.js')).installPlugin(options);
}
