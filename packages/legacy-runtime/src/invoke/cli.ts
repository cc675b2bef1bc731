import type { InvokeInput, InvokeOutput } from '@helm4/runtime';
import { prepareCommand } from '../command/prepare.js';
import { buildEnv, pluginEnv } from '../process/env.js';
import { runProcess } from '../process/run.js';
import type { PluginContext } from './context.js';
import { readCliMessage } from './messages.js';

/** Helm's runCLI: the platform command with expanded args plus the extra args, on the caller's stdio. */
export async function runCli(plugin: PluginContext, input: InvokeInput): Promise<InvokeOutput> {
  const { extraArgs } = readCliMessage(input.message, plugin.name);
  const env = buildEnv(input.env, pluginEnv(plugin.name, plugin.dir));
  const { main, args } = prepareCommand(plugin.config.platformCommand, true, extraArgs, env, plugin.platform);
  await runProcess({
    plugin: plugin.name,
    main,
    args,
    env,
    stdin: input.stdin ? { stream: input.stdin } : 'inherit',
    stdout: input.stdout ? { stream: input.stdout } : 'inherit',
    stderr: input.stderr ? { stream: input.stderr } : 'inherit',
    maxOutputBytes: plugin.maxOutputBytes,
    signal: input.signal,
  });
  return { message: {} };
}
