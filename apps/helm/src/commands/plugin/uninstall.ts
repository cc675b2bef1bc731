import { Args } from '@oclif/core';
import { HelmCommand } from '../../base-command.js';
import { operationOptions } from '../../plugin-distribution/operation.js';

export default class PluginUninstall extends HelmCommand {
  static override summary = 'uninstall one or more Helm plugins';
  static override description =
    `Removes each plugin (for a local-dev install, only its link), the tarball and .prov kept from
its install, and its source record; then runs its delete hook. Every name is tried; failures are
reported together.`;
  static override aliases = ['plugin:rm', 'plugin:remove'];
  static override strict = false;
  static override missingArgsMessage = 'please provide plugin name to uninstall';
  static override enableJsonFlag = true;
  static override args = { plugin: Args.string({ description: 'plugin name', required: true }) };
  static override examples = ['<%= config.bin %> plugin uninstall my-plugin'];

  async run() {
    const { argv } = await this.parse(PluginUninstall);
    const { uninstallPlugins } = await import('@helm4/distribution');
    return uninstallPlugins({ ...operationOptions(this.jsonEnabled(), this.helmSettings()), names: argv as string[] });
  }
}
