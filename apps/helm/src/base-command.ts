import { Command } from '@oclif/core';
import { errorJson, exitCodeFor, formatError } from './errors.js';

/** Every command: coded errors become one line on stderr (or JSON with --json) and an exit code. */
export abstract class HelmCommand extends Command {
  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    // oclif's own usage errors (unknown flag, missing arg) keep oclif's rendering and exit code.
    if (err.oclif !== undefined) return super.catch(err);
    if (this.jsonEnabled()) {
      process.stdout.write(`${JSON.stringify(errorJson(err), null, 2)}\n`);
    } else {
      process.stderr.write(formatError(err));
    }
    process.exitCode = exitCodeFor(err);
    return undefined;
  }
}
