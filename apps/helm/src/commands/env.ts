import { HelmCommand } from '../base-command.js';
import { helmEnvironment, renderEnv } from '../env.js';

export default class Env extends HelmCommand {
  static override summary = 'helm client environment information';
  static override description =
    'Prints the HELM_* environment that Helm and its plugins use, one KEY="value" per line.';
  static override enableJsonFlag = true;

  async run() {
    await this.parse(Env);
    const vars = helmEnvironment();
    if (!this.jsonEnabled()) process.stdout.write(renderEnv(vars));
    return vars;
  }
}
