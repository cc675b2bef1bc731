import { constants } from 'node:os';
import { Helm4Error } from '@helm4/errors';

const EXEC_HINTS: Readonly<Record<string, string>> = {
  ENOENT: 'the command does not exist: check the platformCommand of plugin.yaml and the files of the plugin',
  EACCES: 'the command is not executable: set its execute bit (chmod +x) or run it through an interpreter',
  ENOEXEC: 'the command is not a program this system can run: add a #! line or run it through an interpreter',
};

/** The child could not be started (spawn failed: missing, not executable, not a program). */
export function execFailed(plugin: string, command: string, cause: unknown): Helm4Error {
  const errno = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Helm4Error('RUNTIME_EXEC_FAILED', `failed to run plugin ${JSON.stringify(plugin)}: ${reason}`, {
    cause,
    hint: (errno === undefined ? undefined : EXEC_HINTS[errno]) ?? 'check the command in plugin.yaml',
    details: { plugin, command, ...(errno === undefined ? {} : { errno }) },
  });
}

/** Helm's InvokeExecError: `plugin "<n>" exited with error`, with the captured stderr when there is some. */
export function exitFailed(plugin: string, exitCode: number, stderr?: string): Helm4Error {
  const tail = stderr?.trim() ?? '';
  const message = `plugin ${JSON.stringify(plugin)} exited with error${tail === '' ? '' : `: ${tail}`}`;
  return new Helm4Error('RUNTIME_EXIT', message, {
    details: { plugin, exitCode, ...(tail === '' ? {} : { stderr: tail }) },
  });
}

/** Killed by a signal; `exitCode` is the shell convention 128 + n, which the CLI exits with. */
export function signaled(plugin: string, signal: NodeJS.Signals, stderr?: string): Helm4Error {
  const number = constants.signals[signal] as number | undefined;
  const tail = stderr?.trim() ?? '';
  return new Helm4Error(
    'RUNTIME_SIGNALED',
    `plugin ${JSON.stringify(plugin)} was killed by signal ${signal}${tail === '' ? '' : `: ${tail}`}`,
    { details: { plugin, signal, exitCode: 128 + (number ?? 0), ...(tail === '' ? {} : { stderr: tail }) } },
  );
}

export function aborted(plugin: string, reason: unknown): Helm4Error {
  return new Helm4Error('RUNTIME_ABORTED', `plugin ${JSON.stringify(plugin)} was aborted`, {
    cause: reason,
    details: { plugin },
  });
}

export function outputTooLarge(plugin: string, limit: number): Helm4Error {
  return new Helm4Error(
    'RUNTIME_OUTPUT_TOO_LARGE',
    `plugin ${JSON.stringify(plugin)} wrote more than ${limit} bytes to stdout; it was stopped`,
    { details: { plugin, limit }, hint: 'the output limit is an option of createSubprocessRuntime' },
  );
}
