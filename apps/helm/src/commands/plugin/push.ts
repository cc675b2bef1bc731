import { Args } from '@oclif/core';
import { HelmCommand } from '../../base-command.js';
import { transportFlags } from '../../plugin-distribution/flags.js';
import { transportOptions } from '../../plugin-distribution/operation.js';
import { loadRegistry } from '../../registry.js';

export default class PluginPush extends HelmCommand {
  static override summary = 'push a plugin tarball (and its .prov) to an OCI registry';
  static override description =
    `Uploads <name>-<version>.tgz and, when present, <name>-<version>.tgz.prov as an OCI artifact of type
application/vnd.helm.plugin.v1+json (the layout \`oras push\` gives and \`helm plugin install oci://…\`
reads). The repository must end in the plugin name; the tag defaults to the plugin version.`;
  static override enableJsonFlag = true;
  static override args = {
    tarball: Args.string({ description: 'the plugin tarball', required: true }),
    remote: Args.string({ description: 'oci://host/path/<plugin name>[:tag]', required: true }),
  };
  static override examples = ['<%= config.bin %> plugin push my-plugin-1.0.0.tgz oci://ghcr.io/me/plugins/my-plugin'];
  static override flags = { ...transportFlags };

  async run() {
    const { args, flags } = await this.parse(PluginPush);
    const { pushPlugin } = await import('@helm4/distribution');
    const result = await pushPlugin({
      tarball: args.tarball,
      reference: args.remote,
      registry: loadRegistry,
      registryConfig: this.helmSettings().registryConfig,
      ...transportOptions(flags),
    });
    if (!result.signed) this.warn(`${args.tarball} has no .prov: pushed unsigned (installs need --verify=false)`);
    this.log(`Pushed: ${result.reference}`);
    this.log(`Digest: ${result.digest}`);
    return result;
  }
}
