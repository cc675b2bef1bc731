import { text } from 'node:stream/consumers';
import { Flags } from '@oclif/core';
import { HelmCommand } from '../base-command.js';
import { postRender } from '../post-render.js';

export default class PostRender extends HelmCommand {
  static override summary = 'run rendered manifests (stdin) through a post-renderer plugin (stdout)';
  static override description =
    `Runs the manifests read on stdin through the postrenderer/v1 plugin named by --post-renderer, as
helm install/upgrade/template --post-renderer do, and writes what the plugin returns to stdout.`;
  static override examples = [
    '<%= config.bin %> template ./chart | <%= config.bin %> post-render --post-renderer kustomize',
    '<%= config.bin %> post-render --post-renderer my-renderer --post-renderer-args --env --post-renderer-args prod < manifests.yaml',
  ];
  static override flags = {
    'post-renderer': Flags.string({
      description: 'the name of a postrenderer/v1 plugin',
      required: true,
      multiple: true,
    }),
    'post-renderer-args': Flags.string({
      description: 'an argument to the post-renderer (can specify multiple)',
      multiple: true,
      default: [],
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(PostRender);
    const manifests = await text(process.stdin);
    const out = await postRender(
      manifests,
      {
        postRenderers: flags['post-renderer'],
        args: flags['post-renderer-args'],
      },
      process.env,
      this.globalSettingsOverrides(),
    );
    process.stdout.write(out);
  }
}
