export type { DistCode } from './codes.js';
export { DIST_CODES } from './codes.js';
export type { TlsOptions } from './http/client.js';
export type {
  FetchOptions,
  InstallPluginOptions,
  InstallPluginResult,
  PluginOperationOptions,
} from './install/options.js';
export type { SourceKind } from './install/source.js';
export {
  installPlugin,
  packagePlugin,
  pushPlugin,
  signPluginTarball,
  uninstallPlugins,
  updatePlugins,
  verifyPluginTarball,
} from './lazy.js';
export type {
  ListPluginsOptions,
  PluginList,
  PluginListEntry,
  PluginSignature,
  QuarantinedListEntry,
} from './list/list-plugins.js';
export { listPlugins } from './list/list-plugins.js';
export type { PushPluginOptions, PushPluginResult } from './oci/push-plugin.js';
export type { PackagePluginOptions, PackagePluginResult } from './package/package-plugin.js';
export type { ProgressBarOptions, ProgressReporter, ProgressTask } from './progress/progress.js';
export { createProgressBar } from './progress/progress.js';
export type { ProvenanceStatus } from './provenance-status/signing-info.js';
export { provenanceStatus } from './provenance-status/signing-info.js';
export type { SignedTarball, SignPluginOptions } from './sign/sign-tarball.js';
export type { SigningKeyOptions } from './sign/signing-key.js';
export type {
  UninstalledPlugin,
  UninstallPluginsOptions,
  UninstallPluginsResult,
} from './uninstall/uninstall-plugin.js';
export type { UpdatedPlugin, UpdatePluginsOptions, UpdatePluginsResult } from './update/update-plugin.js';
export type { VerificationReport, VerifyPluginOptions } from './verify/verify-tarball.js';
