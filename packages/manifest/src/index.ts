export {
  decodeWith,
  goBool,
  goInt,
  goList,
  goString,
  goStringMap,
  goStruct,
  toManifestIssues,
} from './decode/go-decode.js';
export type { RawYaml } from './decode/yaml-raw.js';
export { parseRawYaml } from './decode/yaml-raw.js';
export type { ConfigParseResult, PluginRegistry, PluginTypeDefinition, RuntimeDefinition } from './registry.js';
export { createRegistry } from './registry.js';
export type {
  LoadedPlugin,
  LoadResult,
  ManifestIssue,
  PluginDescriptor,
  PluginMetadata,
  QuarantinedPlugin,
} from './types.js';
