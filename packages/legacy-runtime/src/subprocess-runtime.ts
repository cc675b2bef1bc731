import { Helm4Error } from '@helm4/errors';
import type { LoadedPlugin, SubprocessRuntimeConfig } from '@helm4/manifest';
import type { HookEvent, HookOptions, InvokeInput, InvokeOutput, PluginInstance, Runtime } from '@helm4/runtime';
import { type GoPlatform, goPlatform } from './command/platform.js';
import { runCli } from './invoke/cli.js';
import type { PluginContext } from './invoke/context.js';
import { runGetter } from './invoke/getter.js';
import { runHook } from './invoke/hooks.js';
import { runPostRenderer } from './invoke/postrenderer.js';
import { readRuntimeConfig } from './invoke/read-config.js';

/** 256 MiB: the most stdout a post-renderer or getter may return. */
export const DEFAULT_MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

export interface SubprocessRuntimeOptions {
  /** Captured stdout (post-renderer manifests, getter data) above this many bytes stops the plugin. */
  maxOutputBytes?: number;
  /** The platform platformCommand entries are matched against (Go names); this machine's by default. */
  platform?: GoPlatform;
}

const INVOKERS: Readonly<Record<string, (plugin: PluginContext, input: InvokeInput) => Promise<InvokeOutput>>> = {
  'cli/v1': runCli,
  'postrenderer/v1': runPostRenderer,
  'getter/v1': runGetter,
};

/**
 * The `subprocess` runtime: runs Helm 3 (legacy) plugins and v1 `runtime: subprocess` plugins as child
 * processes, exactly as Helm 4's SubprocessPluginRuntime does (differences: docs/compat.md).
 */
export function createSubprocessRuntime(options: SubprocessRuntimeOptions = {}): Runtime {
  const maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const platform = options.platform ?? goPlatform();
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
      return {
        dir: plugin.dir,
        metadata,
        invoke<I, O>(input: InvokeInput<I>): Promise<InvokeOutput<O>> {
          const invoker = Object.hasOwn(INVOKERS, metadata.type) ? INVOKERS[metadata.type] : undefined;
          if (invoker === undefined) {
            return Promise.reject(
              new Helm4Error(
                'RUNTIME_UNSUPPORTED_TYPE',
                `unsupported subprocess plugin type ${JSON.stringify(metadata.type)}`,
                { details: { plugin: metadata.name, type: metadata.type } },
              ),
            );
          }
          return invoker(context, input) as Promise<InvokeOutput<O>>;
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
