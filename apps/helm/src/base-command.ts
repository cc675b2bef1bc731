import { type HelmSettings, loadSettings, type SettingsOverrides } from '@helm4/settings';
import { Command } from '@oclif/core';
import type { Input, ParserOutput } from '@oclif/core/interfaces';
import { type GlobalFlagValues, globalOverrides, normalizeGlobalArgv } from './cli/global-flags.js';
import { goBoolArgv } from './cli/go-bool-flags.js';
import { HELM_GLOBAL_OCLIF_FLAGS } from './cli/oclif-global-flags.js';
import { usageError } from './cli/usage-errors.js';
import { errorJson, exitCodeFor, formatError } from './errors.js';

/**
 * Every command: Go-style booleans (`--verify=false`, `--plain-http=true`); Helm's global flags (`--debug`, `-n`, `--kube-context`, `--registry-config`, …) anywhere among
 * its arguments, reaching `helmSettings()`; coded errors become one line on stderr (or JSON with --json) and an
 * exit code; oclif's usage errors become Helm's (`unknown flag: --x`, `"helm plugin install" requires 1
 * argument`), exit 1.
 */
export abstract class HelmCommand extends Command {
  static override baseFlags = HELM_GLOBAL_OCLIF_FLAGS;
  /** Helm's message when a required argument is missing, where it has its own (`please provide …`). */
  static missingArgsMessage: string | undefined;

  private settingsOverrides: SettingsOverrides = {};

  protected override async parse<
    F extends Record<string, unknown>,
    B extends Record<string, unknown>,
    A extends Record<string, unknown>,
  >(options?: Input<F, B, A>, argv: string[] = this.argv): Promise<ParserOutput<F, B, A>> {
    const input = options ?? (this.ctor as unknown as Input<F, B, A>);
    const booleans = new Map<string, { allowNo: boolean }>();
    for (const [name, flag] of Object.entries({ ...input.baseFlags, ...input.flags })) {
      if (flag.type === 'boolean') booleans.set(name, { allowNo: flag.allowNo === true });
    }
    if (input.enableJsonFlag === true) booleans.set('json', { allowNo: false });
    const parsed = await super.parse(options, normalizeGlobalArgv(goBoolArgv(argv, booleans)));
    this.settingsOverrides = globalOverrides(parsed.flags as GlobalFlagValues);
    return parsed;
  }

  /** What Helm's global flags among this command's arguments set (after `parse`). */
  protected globalSettingsOverrides(): SettingsOverrides {
    return this.settingsOverrides;
  }

  /** The settings this command runs with: the environment, overridden by Helm's global flags. */
  protected helmSettings(): HelmSettings {
    return loadSettings(process.env, this.settingsOverrides);
  }

  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    const ctor = this.ctor as typeof HelmCommand;
    const error =
      usageError(err, {
        id: this.id ?? ctor.id,
        args: ctor.args,
        strict: ctor.strict,
        missingArgsMessage: ctor.missingArgsMessage,
      }) ?? err;
    // Errors of oclif's own (help, exit) that are not usage errors keep oclif's handling.
    if (error === err && err.oclif !== undefined) return super.catch(err);
    if (this.jsonEnabled()) {
      process.stdout.write(`${JSON.stringify(errorJson(error), null, 2)}\n`);
    } else {
      process.stderr.write(formatError(error));
    }
    process.exitCode = exitCodeFor(error);
    return undefined;
  }
}
