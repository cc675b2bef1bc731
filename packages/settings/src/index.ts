export type { Env, HelmHomes, PlatformInfo } from './helm-paths.js';
export { helmHomes } from './helm-paths.js';
export type { HelmSettings, SettingsOverrides } from './settings.js';
export { helmEnvVars, loadSettings, pluginDirs } from './settings.js';
