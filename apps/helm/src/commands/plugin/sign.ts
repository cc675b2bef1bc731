import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '../../base-command.js';
import { terminalPassphrasePrompt } from '../../plugin-distribution/prompt.js';
import { loadRegistry } from '../../registry.js';

export default class PluginSign extends HelmCommand {
  static override summary = 'sign a plugin tarball, writing its .prov';
  static override description =
    `Signs an existing plugin tarball: writes <tarball>.prov exactly as \`helm plugin package --sign\`
would for it (the HIP-0026 "helm plugin sign"; Helm 4 itself only signs while packaging). The
provenance lists the tarball under its file name, so keep that name when publishing it.`;
  static override enableJsonFlag = true;
  static override args = { tarball: Args.string({ description: 'the plugin tarball (.tgz)', required: true }) };
  static override examples = [
    '<%= config.bin %> plugin sign my-plugin-1.0.0.tgz --keyring ~/.gnupg/secring.gpg --key "My Name"',
    'pass show signing-key | <%= config.bin %> plugin sign my-plugin-1.0.0.tgz --keyring secring.gpg --passphrase-file -',
  ];
  static override flags = {
    key: Flags.string({ description: 'name of the key to use when signing' }),
    keyring: Flags.string({
      description: 'location of a keyring with the secret key (default $GNUPGHOME/pubring.gpg or ~/.gnupg/pubring.gpg)',
    }),
    'passphrase-file': Flags.string({
      description: 'location of a file which contains the passphrase for the signing key. Use "-" to read from stdin.',
    }),
  };

  async run() {
    const { args, flags } = await this.parse(PluginSign);
    const { signPluginTarball } = await import('@helm4/distribution');
    const prompt = terminalPassphrasePrompt();
    const result = await signPluginTarball({
      tarball: args.tarball,
      signing: {
        ...(flags.keyring === undefined ? {} : { keyring: flags.keyring }),
        ...(flags.key === undefined ? {} : { key: flags.key }),
        ...(flags['passphrase-file'] === undefined ? {} : { passphraseFile: flags['passphrase-file'] }),
        ...(prompt === undefined ? {} : { prompt }),
      },
      registry: loadRegistry,
    });
    this.log(`Successfully signed. Signature written to: ${result.prov}`);
    return result;
  }
}
