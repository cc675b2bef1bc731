import { Args, Flags } from '@oclif/core';
import { HelmCommand } from '../base-command.js';
import { pullCharts } from '../pull.js';

export default class Pull extends HelmCommand {
  static override summary = 'download a chart from a repository and (optionally) unpack it in local directory';
  static override description =
    `Downloads each chart URL through Helm's getters: the built-in http/https getter, then the getter/v1
plugin whose protocols list the URL's scheme (e.g. s3://, gs://). The archive is written as
<destination>/<last element of the URL path>, or expanded with --untar.`;
  static override aliases = ['fetch'];
  static override strict = false;
  static override enableJsonFlag = true;
  static override args = { chart: Args.string({ description: 'chart URL', required: true }) };
  static override examples = [
    '<%= config.bin %> pull https://example.com/charts/mychart-0.1.0.tgz',
    '<%= config.bin %> pull s3://bucket/charts/mychart-0.1.0.tgz -d ./charts --untar',
  ];
  static override flags = {
    destination: Flags.string({
      char: 'd',
      default: '.',
      description: 'location to write the chart. If this and untardir are specified, untardir is appended to this',
    }),
    untar: Flags.boolean({ description: 'if set to true, will untar the chart after downloading it' }),
    untardir: Flags.string({
      default: '.',
      description:
        'if untar is specified, this flag specifies the name of the directory into which the chart is expanded',
    }),
  };

  async run() {
    const { argv, flags } = await this.parse(Pull);
    return {
      pulled: await pullCharts(
        argv as string[],
        {
          destination: flags.destination,
          untar: flags.untar,
          untardir: flags.untardir,
        },
        process.env,
        this.globalSettingsOverrides(),
      ),
    };
  }
}
