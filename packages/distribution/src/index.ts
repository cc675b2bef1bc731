export type { ListPluginsOptions, PluginList, PluginListEntry, QuarantinedListEntry } from './list/list-plugins.js';
export { listPlugins } from './list/list-plugins.js';
export type { ProvenanceStatus } from './provenance-status/signing-info.js';
export { provenanceStatus } from './provenance-status/signing-info.js';
