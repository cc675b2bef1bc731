import CompletionBash from './commands/completion/bash.js';
import CompletionFish from './commands/completion/fish.js';
import CompletionZsh from './commands/completion/zsh.js';
import Env from './commands/env.js';
import Help from './commands/help.js';
import PluginInstall from './commands/plugin/install.js';
import PluginList from './commands/plugin/list.js';
import PluginPackage from './commands/plugin/package.js';
import PluginPush from './commands/plugin/push.js';
import PluginSign from './commands/plugin/sign.js';
import PluginUninstall from './commands/plugin/uninstall.js';
import PluginUpdate from './commands/plugin/update.js';
import PluginVerify from './commands/plugin/verify.js';
import PostRender from './commands/post-render.js';
import Pull from './commands/pull.js';
import Version from './commands/version.js';

/** oclif's explicit command strategy: every built-in command, by id. */
export const COMMANDS = {
  'completion:bash': CompletionBash,
  'completion:fish': CompletionFish,
  'completion:zsh': CompletionZsh,
  env: Env,
  help: Help,
  'plugin:install': PluginInstall,
  'plugin:list': PluginList,
  'plugin:package': PluginPackage,
  'plugin:push': PluginPush,
  'plugin:sign': PluginSign,
  'plugin:uninstall': PluginUninstall,
  'plugin:update': PluginUpdate,
  'plugin:verify': PluginVerify,
  'post-render': PostRender,
  pull: Pull,
  version: Version,
};
