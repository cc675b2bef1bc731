import { Helm4Error, isHelm4Error } from '@helm4/errors';
import type { LoadedPlugin } from '@helm4/manifest';
import type { PluginInstance } from '@helm4/runtime';
import type { GetterInputMessage, GetterOptions } from '../messages.js';
import { getterOutputMessageSchema } from '../messages.js';

export interface PluginFetch {
  href: string;
  protocol: string;
  options: GetterOptions;
  plugin: LoadedPlugin;
  instantiate: (plugin: LoadedPlugin) => Promise<PluginInstance>;
  env: Readonly<Record<string, string>>;
}

/**
 * Helm's getterPlugin.Get: invokes the plugin with `{href, protocol, options}` and only the HELM_* env (the
 * subprocess runtime adds the parent's environment), then decodes the `{data: base64}` output.
 */
export async function fetchWithPlugin(req: PluginFetch): Promise<Uint8Array> {
  const name = req.plugin.metadata.name;
  const message: GetterInputMessage = { href: req.href, protocol: req.protocol, options: req.options };
  let output: unknown;
  try {
    const instance = await req.instantiate(req.plugin);
    output = (await instance.invoke({ message, env: req.env })).message;
  } catch (cause) {
    const inner = isHelm4Error(cause) ? cause : undefined;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const exitCode = inner?.details?.['exitCode'];
    throw new Helm4Error('GETTER_PLUGIN_FAILED', `plugin ${JSON.stringify(name)} failed to invoke: ${reason}`, {
      cause,
      ...(inner?.hint === undefined ? {} : { hint: inner.hint }),
      // No `exitCode` key: Helm exits 1 when a download fails, whatever the plugin's code.
      details: {
        plugin: name,
        href: req.href,
        ...(inner === undefined ? {} : { reason: inner.code }),
        ...(typeof exitCode === 'number' ? { pluginExitCode: exitCode } : {}),
      },
    });
  }
  const parsed = getterOutputMessageSchema.safeParse(output);
  if (!parsed.success) {
    throw new Helm4Error('GETTER_INVALID_OUTPUT', `invalid output message from getter plugin ${JSON.stringify(name)}`, {
      details: {
        plugin: name,
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      },
      hint: 'a getter/v1 plugin returns {"data": "<standard base64>"}',
    });
  }
  const data = parsed.data.data ?? '';
  const bytes = Buffer.from(data, 'base64');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
