import { Flags } from '@oclif/core';
import { HelmCommand } from '../../base-command.js';
import { printPluginList, runPluginList } from '../../plugin-list.js';

export default class PluginList extends HelmCommand {
  static override summary = 'list installed Helm plugins';
  static override description = `Lists the plugins found on HELM_PLUGINS (a path list) with Helm 4's columns.
A plugin whose plugin.yaml is invalid, or whose name is claimed twice, does not hide the others: it is
listed as "quarantined" with a warning on stderr saying why (and under "quarantined" with --json).`;
  static override aliases = ['plugin:ls'];
  static override enableJsonFlag = true;
  static override examples = ['<%= config.bin %> plugin list', '<%= config.bin %> plugin list --type getter/v1 --json'];
  static override flags = {
    type: Flags.string({ description: 'only list plugins of this type (e.g. cli/v1, getter/v1, postrenderer/v1)' }),
  };

  async run() {
    const { flags } = await this.parse(PluginList);
    const list = await runPluginList(flags);
    if (!this.jsonEnabled()) printPluginList(list, {});
    return list;
  }
}
