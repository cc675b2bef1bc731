import { Flags } from '@oclif/core';
import { HelmCommand } from '../../base-command.js';
import { printPluginList, runPluginList } from '../../plugin-list.js';
import { applyOutput, PLUGIN_LIST_OUTPUTS, type PluginListFlags } from '../../plugin-list-flags.js';

export default class PluginList extends HelmCommand {
  static override summary = 'list installed Helm plugins';
  static override description = `Lists the plugins found on HELM_PLUGINS (a path list) with Helm 4's columns.
A plugin whose plugin.yaml is invalid, or whose name is claimed twice, does not hide the others: it is
listed as "quarantined" with a warning on stderr saying why (and under "quarantined" with --json).
-o wide adds HIP-0026's columns: SIGNED, the short id of the key whose signature was verified when the
plugin was installed (N/A when none was), and SOURCE_URL, the plugin's sourceURL. --json (or -o json)
gives, for each plugin installed from a verified signed archive, the key id, fingerprint and signer
identities recorded at install time: listing needs no keyring.`;
  static override aliases = ['plugin:ls'];
  // Helm's `plugin list` accepts (and ignores) arguments.
  static override strict = false;
  static override enableJsonFlag = true;
  static override examples = [
    '<%= config.bin %> plugin list',
    '<%= config.bin %> plugin list -o wide',
    '<%= config.bin %> plugin list --type getter/v1 --json',
  ];
  static override flags = {
    type: Flags.string({ description: 'only list plugins of this type (e.g. cli/v1, getter/v1, postrenderer/v1)' }),
    output: Flags.option({
      char: 'o',
      options: PLUGIN_LIST_OUTPUTS,
      default: 'table' as const,
      description: 'table (Helm 4), wide (adds SIGNED and SOURCE_URL) or json (the same as --json)',
    })(),
  };

  async run() {
    const { flags } = await this.parse(PluginList);
    const options: PluginListFlags = { type: flags.type };
    applyOutput(options, flags.output);
    const list = await runPluginList(options, process.env, this.globalSettingsOverrides());
    if (!this.jsonEnabled()) printPluginList(list, options);
    return list;
  }
}
