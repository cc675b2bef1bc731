import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DYNAMIC_COMPLETION_FILE } from './completion-spec.js';

export interface DynamicCompletion {
  completions: string[];
  /** cobra's ShellCompDirective from a last line `:<int>`; 0 (default) without one. */
  directive: number;
}

export interface DynamicCompletionOptions {
  /** The plugin's directory and name (HELM_PLUGIN_DIR / HELM_PLUGIN_NAME). */
  dir: string;
  name: string;
  /** Sub-command path below the plugin, then (unless ignoreFlags) the plugin's arguments and the word to complete. */
  argv: readonly string[];
  /** Laid over process.env (Helm: os.Environ() plus the HELM_* settings environment). */
  env: Readonly<Record<string, string>>;
}

/**
 * Runs the plugin's `plugin.complete` executable as Helm does: stdout and stderr both collected, empty lines
 * dropped, and a last line `:<int>` taken as the directive. `undefined` when the executable is missing, cannot
 * run or exits non-zero (Helm then offers no completions, with the default directive).
 */
export async function runDynamicCompletion(opts: DynamicCompletionOptions): Promise<DynamicCompletion | undefined> {
  const output = await collect(path.join(opts.dir, DYNAMIC_COMPLETION_FILE), opts);
  if (output === undefined) return undefined;
  return parseDynamicCompletion(output);
}

/** Helm's reading of plugin.complete's output. */
export function parseDynamicCompletion(output: string): DynamicCompletion {
  const completions = output.split('\n').filter((line) => line !== '');
  let directive = 0;
  const last = completions.at(-1);
  if (last !== undefined && last.length > 1 && last[0] === ':') {
    const n = goAtoi(last.slice(1));
    if (n !== undefined) {
      directive = n;
      completions.pop();
    }
  }
  return { completions, directive };
}

/** Go's strconv.Atoi for the values a directive can take (optional sign, decimal digits, int64 range). */
function goAtoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Both streams go to one file so the lines keep the order the plugin wrote them in (Helm: one buffer). */
async function collect(executable: string, opts: DynamicCompletionOptions): Promise<string | undefined> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'helm-complete-'));
  const file = path.join(tmp, 'out');
  const fd = openSync(file, 'w+');
  try {
    const code = await new Promise<number | null | undefined>((resolve) => {
      const child = spawn(executable, [...opts.argv], {
        env: { ...process.env, HELM_PLUGIN_NAME: opts.name, HELM_PLUGIN_DIR: opts.dir, ...opts.env },
        stdio: ['ignore', fd, fd],
      });
      child.on('error', () => resolve(undefined));
      child.on('close', (c) => resolve(c));
    });
    if (code !== 0) return undefined;
    return readFileSync(file, 'utf8');
  } finally {
    closeSync(fd);
    rmSync(tmp, { recursive: true, force: true });
  }
}
