import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '../../base-command.js';
import { allowInsecureFlag, keyringFlag, transportFlags } from '../../plugin-distribution/flags.js';
import { operationOptions, progressFor, transportOptions } from '../../plugin-distribution/operation.js';

export default class PluginInstall extends HelmCommand {
  static override summary = 'install a Helm plugin';
  static override description =
    `Installs a plugin from a local directory (linked: "local dev", never verified), a local .tgz, an
http(s):// URL of a .tgz, a git repository, or oci://host/path/name:tag.

By default the signature is verified before installation: the .prov beside the tarball (<file>.prov,
<url>.prov, or the OCI layer <name>-<version>.tgz.prov) must be signed by a key of --keyring; installation
fails if it is missing or invalid. Git repositories and URLs that are not tarballs cannot be verified and
need --verify=false (or --allow-insecure-plugins), which skips the check (NOT recommended).

The plugin is unpacked and checked in a staging directory and moved into place in one step, so a failure
never leaves half a plugin; where it came from is recorded for \`helm plugin update\`.`;
  static override aliases = ['plugin:add'];
  static override enableJsonFlag = true;
  static override args = { source: Args.string({ description: 'path or URL of the plugin', required: true }) };
  static override examples = [
    '<%= config.bin %> plugin install ./my-plugin',
    '<%= config.bin %> plugin install https://example.com/plugins/my-plugin-1.0.0.tgz',
    '<%= config.bin %> plugin install oci://ghcr.io/me/plugins/my-plugin:1.0.0',
    '<%= config.bin %> plugin install https://github.com/me/my-plugin --verify=false --version "^1.0.0"',
  ];
  static override flags = {
    version: Flags.string({
      description: 'specify a version constraint. If this is not specified, the latest version is installed',
    }),
    verify: Flags.boolean({
      default: true,
      allowNo: true,
      description: 'verify the plugin signature before installing',
    }),
    'allow-insecure-plugins': allowInsecureFlag,
    keyring: keyringFlag,
    ...transportFlags,
  };

  async run() {
    const { args, flags } = await this.parse(PluginInstall);
    const { installPlugin } = await import('@helm4/distribution');
    const json = this.jsonEnabled();
    const progress = await progressFor(json);
    return installPlugin({
      ...operationOptions(json, this.helmSettings()),
      source: args.source,
      verify: flags.verify,
      allowInsecure: flags['allow-insecure-plugins'],
      ...(flags.keyring === undefined ? {} : { keyring: flags.keyring }),
      ...(flags.version === undefined ? {} : { version: flags.version }),
      ...transportOptions(flags),
      ...(progress === undefined ? {} : { progress }),
    });
  }
}
