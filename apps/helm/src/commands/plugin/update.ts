import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '../../base-command.js';
import { allowInsecureFlag, keyringFlag, transportFlags } from '../../plugin-distribution/flags.js';
import { operationOptions, progressFor, transportOptions } from '../../plugin-distribution/operation.js';

export default class PluginUpdate extends HelmCommand {
  static override summary = 'update one or more Helm plugins';
  static override description =
    `Updates each plugin from where it was installed (local directory, tarball, http(s) URL, git
repository or OCI reference; Helm 4 itself updates git installs only), verified the way it was installed,
and swaps it in atomically; then runs its update hook. --version picks another git ref / semver
constraint, or another OCI tag.`;
  static override aliases = ['plugin:up'];
  static override strict = false;
  static override missingArgsMessage = 'please provide plugin name to update';
  static override enableJsonFlag = true;
  static override args = { plugin: Args.string({ description: 'plugin name', required: true }) };
  static override examples = ['<%= config.bin %> plugin update my-plugin', '<%= config.bin %> plugin update a b c'];
  static override flags = {
    version: Flags.string({ description: 'git: a ref or semver constraint; oci: a tag' }),
    verify: Flags.boolean({ allowNo: true, description: 'verify the signature (default: as at install time)' }),
    'allow-insecure-plugins': allowInsecureFlag,
    keyring: keyringFlag,
    ...transportFlags,
  };

  async run() {
    const { argv, flags } = await this.parse(PluginUpdate);
    const { updatePlugins } = await import('@helm4/distribution');
    const json = this.jsonEnabled();
    const progress = await progressFor(json);
    return updatePlugins({
      ...operationOptions(json, this.helmSettings()),
      names: argv as string[],
      ...(flags.verify === undefined ? {} : { verify: flags.verify }),
      ...(flags['allow-insecure-plugins'] ? { allowInsecure: true } : {}),
      ...(flags.keyring === undefined ? {} : { keyring: flags.keyring }),
      ...(flags.version === undefined ? {} : { version: flags.version }),
      ...transportOptions(flags),
      ...(progress === undefined ? {} : { progress }),
    });
  }
}
