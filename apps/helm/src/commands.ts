import Env from './commands/env.js';
import PluginList from './commands/plugin/list.js';

/** oclif's explicit command strategy: every built-in command, by id. */
export const COMMANDS = {
  env: Env,
  'plugin:list': PluginList,
};
