import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '../../base-command.js';
import { verificationLines } from '../../plugin-distribution/render.js';

export default class PluginVerify extends HelmCommand {
  static override summary = 'verify that a plugin at the given path has been signed and is valid';
  static override description =
    `Verifies a plugin tarball against the <tarball>.prov beside it: the provenance must be signed by a
key of --keyring (public keys) and list the tarball's SHA-256 under its file name. Only tarballs can be
verified (as in Helm 4); to sign one, use \`helm plugin package\` or \`helm plugin sign\`.`;
  static override enableJsonFlag = true;
  static override args = { path: Args.string({ description: 'the plugin tarball (.tgz)', required: true }) };
  static override examples = ['<%= config.bin %> plugin verify my-plugin-1.0.0.tgz --keyring ~/.gnupg/pubring.gpg'];
  static override flags = {
    keyring: Flags.string({
      description: 'keyring containing public keys (default $GNUPGHOME/pubring.gpg or ~/.gnupg/pubring.gpg)',
    }),
  };

  async run() {
    const { args, flags } = await this.parse(PluginVerify);
    const { verifyPluginTarball } = await import('@helm4/distribution');
    const report = await verifyPluginTarball({
      tarball: args.path,
      ...(flags.keyring === undefined ? {} : { keyring: flags.keyring }),
    });
    for (const line of verificationLines(report)) this.log(line);
    return report;
  }
}
