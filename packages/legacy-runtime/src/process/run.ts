import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import type { SubprocessSpec } from '@helm4/runtime';
import { CappedBuffer, TailBuffer } from './capture.js';
import { aborted, execFailed, exitFailed, outputTooLarge, signaled } from './failures.js';

/** How much of a captured stderr is kept for the error message. */
export const STDERR_TAIL_BYTES = 4096;

/** A process to run for a plugin: the binding's spec, plus what the runtime adds. */
export interface RunSpec extends SubprocessSpec {
  /** For messages and details. */
  plugin: string;
  /** Limit for captured stdout; above it the child is killed (RUNTIME_OUTPUT_TOO_LARGE). */
  maxOutputBytes: number;
}

/** The parent's own stdio stream given explicitly is passed as its file descriptor (keeps a TTY a TTY). */
function fd(spec: object | string, parent: unknown): 'inherit' | 'ignore' | 'pipe' {
  if (spec === 'inherit' || (typeof spec === 'object' && 'stream' in spec && spec.stream === parent)) return 'inherit';
  return spec === 'ignore' ? 'ignore' : 'pipe';
}

function stdioFor(spec: RunSpec): StdioOptions {
  return [fd(spec.stdin, process.stdin), fd(spec.stdout, process.stdout), fd(spec.stderr, process.stderr)];
}

/**
 * Runs one plugin process to completion like Go's `exec.Cmd.Run`: resolves with the captured stdout (empty
 * unless `stdout: 'capture'`) on exit code 0; otherwise rejects with a RUNTIME_* Helm4Error.
 */
export function runProcess(spec: RunSpec): Promise<Buffer> {
  if (spec.signal?.aborted) return Promise.reject(aborted(spec.plugin, spec.signal.reason));
  let child: ChildProcess;
  try {
    child = spawn(spec.main, [...spec.args], { env: spec.env, stdio: stdioFor(spec), windowsHide: true });
  } catch (cause) {
    // Synchronous failures: an empty command, a NUL byte in an argument.
    return Promise.reject(execFailed(spec.plugin, spec.main, cause));
  }
  return supervise(child, spec);
}

function supervise(child: ChildProcess, spec: RunSpec): Promise<Buffer> {
  const captured = new CappedBuffer(spec.maxOutputBytes);
  const stderrTail = spec.stderr === 'tail' ? new TailBuffer(STDERR_TAIL_BYTES) : undefined;
  let stoppedFor: 'abort' | 'overflow' | undefined;
  const stop = (why: 'abort' | 'overflow') => {
    if (stoppedFor !== undefined) return;
    stoppedFor = why;
    child.kill('SIGKILL');
  };

  connectStdin(child, spec);
  if (child.stdout) {
    if (spec.stdout === 'capture') {
      child.stdout.on('data', (chunk: Buffer) => {
        if (!captured.add(chunk)) stop('overflow');
      });
    } else if (typeof spec.stdout === 'object') {
      child.stdout.pipe(spec.stdout.stream, { end: false });
    }
  }
  if (child.stderr) {
    if (stderrTail) child.stderr.on('data', (chunk: Buffer) => stderrTail.add(chunk));
    else if (typeof spec.stderr === 'object') child.stderr.pipe(spec.stderr.stream, { end: false });
  }
  const onAbort = () => stop('abort');
  spec.signal?.addEventListener('abort', onAbort, { once: true });

  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | undefined) => {
      if (settled) return;
      settled = true;
      spec.signal?.removeEventListener('abort', onAbort);
      if (typeof spec.stdin === 'object' && 'stream' in spec.stdin && child.stdin)
        spec.stdin.stream.unpipe(child.stdin);
      if (error) reject(error);
      else resolve(captured.bytes());
    };
    child.once('error', (cause) => {
      // Only a failed spawn leaves no pid; kill failures are not fatal, 'close' still follows.
      if (child.pid === undefined) settle(execFailed(spec.plugin, spec.main, cause));
    });
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      if (stoppedFor === 'abort') return settle(aborted(spec.plugin, spec.signal?.reason));
      if (stoppedFor === 'overflow') return settle(outputTooLarge(spec.plugin, spec.maxOutputBytes));
      if (signal !== null) return settle(signaled(spec.plugin, signal, stderrTail?.text()));
      if (code !== 0) return settle(exitFailed(spec.plugin, code ?? -1, stderrTail?.text()));
      settle(undefined);
    });
  });
}

function connectStdin(child: ChildProcess, spec: RunSpec): void {
  const stdin = child.stdin;
  if (!stdin) return;
  // The child may exit without reading its input (EPIPE); Go ignores that too.
  stdin.on('error', () => {});
  if (typeof spec.stdin !== 'object') return;
  if ('data' in spec.stdin) stdin.end(spec.stdin.data);
  else spec.stdin.stream.pipe(stdin);
}
