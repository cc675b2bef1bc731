import { Flags } from '@oclif/core';
import { HelmCommand } from '../base-command.js';
import { buildInfo, versionOutput } from '../version.js';

export default class Version extends HelmCommand {
  static override summary = 'print the helm version information';
  static override description =
    `Prints Helm's version.BuildInfo, as Helm 4 does. Version is the Helm release this helm is
compatible with, with build metadata naming this helm (v4.1.4+helm4.<version>); GitCommit and GitTreeState
are empty; GoVersion is the Node.js version (node<version>); KubeClientVersion is Helm 4.1.4's.

--short prints the version only; --template prints a Go template over those fields:
.Version, .GitCommit, .GitTreeState, .GoVersion and .KubeClientVersion.`;
  static override enableJsonFlag = true;
  static override examples = [
    '<%= config.bin %> version',
    '<%= config.bin %> version --short',
    "<%= config.bin %> version --template '{{.Version}}'",
  ];
  static override flags = {
    short: Flags.boolean({ description: 'print the version number' }),
    template: Flags.string({ description: 'template for version string format' }),
    // Helm 3's --client/-c (hidden, always true there; Helm 4 removed it): accepted so Helm 3-era plugin
    // scripts (`helm version -c --short`) keep working.
    client: Flags.boolean({ char: 'c', hidden: true, description: 'ignored (Helm 3)' }),
  };

  async run() {
    const { flags } = await this.parse(Version);
    const info = buildInfo();
    if (!this.jsonEnabled())
      process.stdout.write(versionOutput({ short: flags.short, template: flags.template }, info));
    return info;
  }
}
