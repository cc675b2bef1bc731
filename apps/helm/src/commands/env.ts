import { Args } from '@oclif/core';
import { HelmCommand } from '../base-command.js';
import { helmEnvironment, renderEnv } from '../env.js';

export default class Env extends HelmCommand {
  static override summary = 'helm client environment information';
  static override description = `Prints the HELM_* environment that Helm and its plugins use, one KEY="value" per line;
with a NAME, only that variable's value (an empty line when it is not one of them).`;
  static override enableJsonFlag = true;
  static override args = { name: Args.string({ description: 'print only this variable' }) };
  static override examples = ['<%= config.bin %> env', '<%= config.bin %> env HELM_PLUGINS'];

  async run() {
    const { args } = await this.parse(Env);
    const vars = helmEnvironment(process.env, this.globalSettingsOverrides());
    if (args.name !== undefined) {
      const value = vars[args.name] ?? '';
      if (!this.jsonEnabled()) process.stdout.write(`${value}\n`);
      return { [args.name]: value };
    }
    if (!this.jsonEnabled()) process.stdout.write(renderEnv(vars));
    return vars;
  }
}
