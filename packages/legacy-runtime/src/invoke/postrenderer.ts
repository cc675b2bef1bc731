import type { InvokeInput, InvokeOutput } from '@helm4/runtime';
import { prepareCommand } from '../command/prepare.js';
import { buildEnv, pluginEnv } from '../process/env.js';
import { runProcess } from '../process/run.js';
import type { PluginContext } from './context.js';
import { readPostRendererMessage } from './messages.js';

/**
 * Helm's runPostrenderer: the manifests go to stdin, stdout is the result. stderr is captured; Helm discards
 * it, we put its tail in the error message when the plugin fails (docs/compat.md).
 */
export async function runPostRenderer(plugin: PluginContext, input: InvokeInput): Promise<InvokeOutput> {
  const { manifests, extraArgs } = readPostRendererMessage(input.message, plugin.name);
  const env = buildEnv(input.env, pluginEnv(plugin.name, plugin.dir));
  const { main, args } = prepareCommand(plugin.config.platformCommand, true, extraArgs, env, plugin.platform);
  const stdout = await runProcess({
    plugin: plugin.name,
    main,
    args,
    env,
    stdin: { data: manifests },
    stdout: 'capture',
    stderr: 'tail',
    maxOutputBytes: plugin.maxOutputBytes,
    signal: input.signal,
  });
  return { message: { manifests: stdout.toString('utf8') } };
}
