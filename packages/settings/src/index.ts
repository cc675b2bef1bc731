export type { Env, HelmHomes, PlatformInfo } from './helm-paths.js';
export { helmHomes } from './helm-paths.js';
export type { ColorMode, HelmSettings, SettingsOverrides } from './settings.js';
export { COLOR_MODES, helmEnvVars, loadSettings, pluginDirs } from './settings.js';
