import type { LoadedPlugin } from '@helm4/manifest';
import type { HookEvent } from '@helm4/runtime';
import type { PluginOperationOptions } from './options.js';

/** Runs a lifecycle hook like Helm's runHook: subprocess plugins only; a failure is RUNTIME_HOOK_FAILED. */
export async function runPluginHook(plugin: LoadedPlugin, event: HookEvent, options: PluginOperationOptions) {
  if (options.runHooks === false) return;
  const instance =
    options.createInstance !== undefined
      ? await options.createInstance(plugin)
      : plugin.metadata.runtime === 'subprocess'
        ? await (await import('@helm4/legacy-runtime')).createSubprocessRuntime().createPlugin(plugin)
        : undefined;
  if (instance === undefined) return;
  await instance.invokeHook(event, {
    ...(options.hookOutput?.stdout === undefined ? {} : { stdout: options.hookOutput.stdout }),
    ...(options.hookOutput?.stderr === undefined ? {} : { stderr: options.hookOutput.stderr }),
  });
}
