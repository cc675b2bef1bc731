import { Helm4Error } from '@helm4/errors';
import type { LoadedPlugin, SubprocessRuntimeConfig } from '@helm4/manifest';
import {
  bindingOf,
  type HookEvent,
  type HookOptions,
  type InvokeInput,
  type InvokeOutput,
  type PluginInstance,
  type PluginTypeBinding,
  RUNTIME_CODES,
  type Runtime,
  readInputMessage,
  type SubprocessCall,
} from '@helm4/runtime';
import { type GoPlatform, goPlatform } from './command/platform.js';
import { prepareCommand } from './command/prepare.js';
import type { PluginContext } from './invoke/context.js';
import { runHook } from './invoke/hooks.js';
import { readRuntimeConfig } from './invoke/read-config.js';
import { buildEnv, pluginEnv } from './process/env.js';
import { runProcess } from './process/run.js';

/** 256 MiB: the most stdout a post-renderer or getter may return. */
export const DEFAULT_MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

export interface SubprocessRuntimeOptions {
  /** Captured stdout (post-renderer manifests, getter data) above this many bytes stops the plugin. */
  maxOutputBytes?: number;
  /** The platform platformCommand entries are matched against (Go names); this machine's by default. */
  platform?: GoPlatform;
  /**
   * The plugin types this runtime can invoke, each from its package (`@helm4/plugin-type-<type>/runtime`); a plugin
   * of another type fails with RUNTIME_UNSUPPORTED_TYPE when invoked. Hooks need none.
   */
  types?: readonly PluginTypeBinding[];
}

/**
 * The `subprocess` runtime: runs Helm 3 (legacy) plugins and v1 `runtime: subprocess` plugins as child
 * processes, exactly as Helm 4's SubprocessPluginRuntime does (differences: docs/compat.md).
 */
export function createSubprocessRuntime(options: SubprocessRuntimeOptions = {}): Runtime {
  const maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const platform = options.platform ?? goPlatform();
  const types = options.types ?? [];
  return {
    name: 'subprocess',
    async createPlugin(plugin: LoadedPlugin): Promise<PluginInstance> {
      const { metadata } = plugin;
      if (metadata.runtime !== 'subprocess') {
        throw new Helm4Error(
          'RUNTIME_MISMATCH',
          `plugin ${JSON.stringify(metadata.name)} uses runtime ${JSON.stringify(metadata.runtime)}, not "subprocess"`,
          { details: { plugin: metadata.name, runtime: metadata.runtime } },
        );
      }
      const context: PluginContext = {
        name: metadata.name,
        dir: plugin.dir,
        config: runtimeConfigOf(plugin),
        maxOutputBytes,
        platform,
      };
      const call = subprocessCall(context);
      return {
        dir: plugin.dir,
        metadata,
        async invoke<I, O>(input: InvokeInput<I>): Promise<InvokeOutput<O>> {
          const binding = bindingOf(types, metadata.type, 'subprocess', metadata.name);
          if (binding.subprocess === undefined) {
            throw new Helm4Error(
              RUNTIME_CODES.unsupportedType,
              `plugin type ${JSON.stringify(metadata.type)} cannot run as a subprocess`,
              { details: { plugin: metadata.name, type: metadata.type } },
            );
          }
          const message = readInputMessage(binding, input.message, metadata.name);
          return (await binding.subprocess.invoke(call, message, input)) as InvokeOutput<O>;
        },
        invokeHook(event: HookEvent, hookOptions?: HookOptions): Promise<void> {
          return runHook(context, event, hookOptions);
        },
      };
    },
  };
}

/**
 * The normalised runtimeConfig, re-checked: a LoadedPlugin may come from the plugin index cache or be built by
 * hand. `expandHookArgs` is private in Go and never decoded from YAML; the manifest package sets it.
 */
function runtimeConfigOf(plugin: LoadedPlugin): SubprocessRuntimeConfig {
  const read = readRuntimeConfig(plugin.metadata.runtimeConfig);
  if ('value' in read) return read.value;
  throw new Helm4Error(
    'RUNTIME_INVALID_CONFIG',
    `invalid runtimeConfig for plugin ${JSON.stringify(plugin.metadata.name)}: ${read.problems.join('; ')}`,
    { details: { plugin: plugin.metadata.name, problems: read.problems } },
  );
}

/** What a type's binding may do with the plugin (its environment, its command, its process). */
function subprocessCall(plugin: PluginContext): SubprocessCall {
  return {
    plugin: { name: plugin.name, dir: plugin.dir },
    config: plugin.config,
    env: (env, extra) => buildEnv(env, pluginEnv(plugin.name, plugin.dir), extra),
    command: (commands, expandArgs, extraArgs, env) =>
      prepareCommand(commands, expandArgs, extraArgs, env, plugin.platform),
    run: (spec) => runProcess({ ...spec, plugin: plugin.name, maxOutputBytes: plugin.maxOutputBytes }),
  };
}
