import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '../../base-command.js';
import { terminalPassphrasePrompt } from '../../plugin-distribution/prompt.js';
import { loadRegistry } from '../../registry.js';

export default class PluginPackage extends HelmCommand {
  static override summary = 'package a plugin directory into a plugin archive';
  static override description =
    `Packages a plugin directory into <name>-<version>.tgz (top directory = plugin name, as Helm's
CreatePluginTarball writes it) and, by default, signs it: <tarball>.prov is an OpenPGP clearsigned
provenance file made with a secret key from --keyring (selected by --key). Use --sign=false to skip
signing (not recommended for distribution). Beside the tarball it also writes artifacthub-pkg.yml,
Artifact Hub's package metadata for this version (name, version, description, the plugin type as a
property, sourceURL as a link, the signing key's fingerprint when signed), as HIP-0026's roadmap asks.
Problems that do not stop packaging are printed on stderr as "WARNING: …".`;
  static override enableJsonFlag = true;
  static override args = { path: Args.string({ description: 'the plugin directory', required: true }) };
  static override examples = [
    '<%= config.bin %> plugin package ./my-plugin --keyring ~/.gnupg/secring.gpg --key "My Name"',
    '<%= config.bin %> plugin package ./my-plugin --sign=false -d dist',
  ];
  static override flags = {
    sign: Flags.boolean({ default: true, allowNo: true, description: 'use a PGP private key to sign this plugin' }),
    key: Flags.string({ description: 'name of the key to use when signing. Used if --sign is true' }),
    keyring: Flags.string({
      description: 'location of a keyring with the secret key (default $GNUPGHOME/pubring.gpg or ~/.gnupg/pubring.gpg)',
    }),
    'passphrase-file': Flags.string({
      description: 'location of a file which contains the passphrase for the signing key. Use "-" to read from stdin.',
    }),
    destination: Flags.string({ char: 'd', default: '.', description: 'location to write the plugin tarball.' }),
  };

  async run() {
    const { args, flags } = await this.parse(PluginPackage);
    const { packagePlugin } = await import('@helm4/distribution');
    if (!flags.sign) {
      this.log('WARNING: Skipping plugin signing. This is not recommended for plugins intended for distribution.');
    }
    const prompt = terminalPassphrasePrompt();
    const result = await packagePlugin({
      dir: args.path,
      destination: flags.destination,
      sign: flags.sign,
      signing: {
        ...(flags.keyring === undefined ? {} : { keyring: flags.keyring }),
        ...(flags.key === undefined ? {} : { key: flags.key }),
        ...(flags['passphrase-file'] === undefined ? {} : { passphraseFile: flags['passphrase-file'] }),
        ...(prompt === undefined ? {} : { prompt }),
      },
      registry: loadRegistry,
    });
    if (result.prov !== undefined) this.log(`Successfully signed. Signature written to: ${result.prov}`);
    this.log(`Successfully packaged plugin and saved it to: ${result.tarball}`);
    // Helm prints nothing more; the artifacthub-pkg.yml written beside the tarball is in the --json result.
    for (const warning of result.warnings) this.logToStderr(`WARNING: ${warning}`);
    return result;
  }
}
