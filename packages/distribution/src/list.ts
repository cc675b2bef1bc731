/**
 * `@helm4/distribution/list`: just `listPlugins`, for `helm plugin list`'s start-up path (the package root
 * also carries install, package and progress code).
 */
export type {
  ListPluginsOptions,
  PluginList,
  PluginListEntry,
  PluginSignature,
  QuarantinedListEntry,
} from './list/list-plugins.js';
export { listPlugins } from './list/list-plugins.js';
