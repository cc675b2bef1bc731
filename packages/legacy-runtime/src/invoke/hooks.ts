import { Helm4Error, isHelm4Error } from '@helm4/errors';
import type { HookEvent, HookOptions } from '@helm4/runtime';
import { prepareCommand } from '../command/prepare.js';
import { buildEnv, pluginEnv } from '../process/env.js';
import { runProcess } from '../process/run.js';
import type { PluginContext } from './context.js';

/**
 * Helm's InvokeHook: env is the parent's plus HELM_PLUGIN_NAME / HELM_PLUGIN_DIR only (no HELM_* settings);
 * args are expanded only for legacy `platformHooks` (expandHookArgs). A missing or empty hook is a no-op.
 */
export async function runHook(plugin: PluginContext, event: HookEvent, options: HookOptions = {}): Promise<void> {
  const cmds = Object.hasOwn(plugin.config.platformHooks, event) ? plugin.config.platformHooks[event] : undefined;
  if (cmds === undefined || cmds.length === 0) return;
  const env = buildEnv(pluginEnv(plugin.name, plugin.dir));
  const { main, args } = prepareCommand(cmds, plugin.config.expandHookArgs, [], env, plugin.platform);
  try {
    await runProcess({
      plugin: plugin.name,
      main,
      args,
      env,
      stdin: 'ignore',
      stdout: options.stdout ? { stream: options.stdout } : 'inherit',
      stderr: options.stderr ? { stream: options.stderr } : 'inherit',
      maxOutputBytes: plugin.maxOutputBytes,
      signal: options.signal,
    });
  } catch (cause) {
    if (isHelm4Error(cause, 'RUNTIME_ABORTED')) throw cause;
    const inner = isHelm4Error(cause) ? cause : undefined;
    throw new Helm4Error(
      'RUNTIME_HOOK_FAILED',
      `plugin ${event} hook for ${JSON.stringify(plugin.name)} exited with error`,
      {
        cause,
        ...(inner?.hint === undefined ? {} : { hint: inner.hint }),
        details: { plugin: plugin.name, event, ...(inner ? hookDetails(inner) : {}) },
      },
    );
  }
}

/** The inner failure, without `exitCode`: the CLI exits with that key, and Helm exits 1 for a failed hook. */
function hookDetails(inner: Helm4Error): Record<string, unknown> {
  const d = inner.details ?? {};
  return {
    reason: inner.code,
    ...(d['exitCode'] === undefined ? {} : { hookExitCode: d['exitCode'] }),
    ...(d['signal'] === undefined ? {} : { signal: d['signal'] }),
    ...(d['errno'] === undefined ? {} : { errno: d['errno'] }),
  };
}
