export type { ManifestCode } from './codes.js';
export { MANIFEST_CODES } from './codes.js';
export {
  decodeWith,
  goBool,
  goInt,
  goList,
  goMap,
  goString,
  goStringMap,
  goStruct,
  toManifestIssues,
} from './decode/go-decode.js';
export { goPlatformCommand } from './decode/platform-command.js';
export type { RawYaml } from './decode/yaml-raw.js';
export { parseRawYaml } from './decode/yaml-raw.js';
export { loadPluginDir } from './load/inspect.js';
export type { LoadOptions } from './load/load.js';
export { findPlugin, findPlugins, loadAllPluginDirs } from './load/load.js';
export { isValidPluginName } from './parse/identity.js';
export { parseManifest } from './parse/parse-manifest.js';
export { sanitizeString } from './parse/sanitize.js';
export { isStrictSemver } from './parse/semver.js';
export type { ConfigParseResult, PluginRegistry, PluginTypeDefinition, RuntimeDefinition } from './registry.js';
export { createRegistry } from './registry.js';
export type { PlatformCommand, SubprocessProtocolCommand, SubprocessRuntimeConfig } from './subprocess-types.js';
export type {
  LoadedPlugin,
  LoadResult,
  ManifestIssue,
  ManifestPartial,
  ParseManifestResult,
  PluginDescriptor,
  PluginMetadata,
  QuarantinedPlugin,
} from './types.js';
