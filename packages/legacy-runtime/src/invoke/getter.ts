import { isAbsolute, join } from 'node:path';
import { Helm4Error } from '@helm4/errors';
import type { SubprocessProtocolCommand } from '@helm4/manifest';
import type { InvokeInput, InvokeOutput } from '@helm4/runtime';
import { prepareCommand } from '../command/prepare.js';
import { buildEnv, pluginEnv } from '../process/env.js';
import { runProcess } from '../process/run.js';
import type { PluginContext } from './context.js';
import { readGetterMessage } from './messages.js';

/** Helm's getProtocolCommand: the first protocolCommands entry listing the protocol (exact match). */
function protocolCommand(commands: readonly SubprocessProtocolCommand[], protocol: string) {
  return commands.find((c) => c.protocols.includes(protocol));
}

/**
 * Helm resolves a getter command relative to the plugin directory with `filepath.Join(pluginDir, main)`,
 * which also prefixes an already absolute command (`${HELM_PLUGIN_DIR}/bin/x` → `<dir><dir>/bin/x`,
 * hayorov/helm-gcs#251). We leave an absolute command alone (docs/compat.md).
 */
export function getterCommandPath(pluginDir: string, main: string): string {
  return isAbsolute(main) ? main : join(pluginDir, main);
}

/**
 * Helm's runGetter: the Helm 3 downloader convention. argv = command + args (unexpanded) + certFile, keyFile,
 * caFile, href; credentials in HELM_PLUGIN_USERNAME / _PASSWORD / _PASS_CREDENTIALS_ALL; stdout is the data;
 * stderr goes to the caller's stderr (the parent's by default).
 */
export async function runGetter(plugin: PluginContext, input: InvokeInput): Promise<InvokeOutput> {
  const { href, protocol, options } = readGetterMessage(input.message, plugin.name);
  const command = protocolCommand(plugin.config.protocolCommands, protocol);
  if (command === undefined) {
    throw new Helm4Error('RUNTIME_NO_DOWNLOADER', `no downloader found for protocol ${JSON.stringify(protocol)}`, {
      details: { plugin: plugin.name, protocol },
      hint: 'the plugin lists the protocol in config.protocols but has no runtimeConfig.protocolCommands entry for it',
    });
  }
  const env = buildEnv(input.env, pluginEnv(plugin.name, plugin.dir), {
    HELM_PLUGIN_USERNAME: options.Username,
    HELM_PLUGIN_PASSWORD: options.Password,
    HELM_PLUGIN_PASS_CREDENTIALS_ALL: String(options.PassCredentialsAll),
  });
  const { main, args } = prepareCommand(command.platformCommand, false, [], env, plugin.platform);
  const data = await runProcess({
    plugin: plugin.name,
    main: getterCommandPath(plugin.dir, main),
    args: [...args, options.CertFile, options.KeyFile, options.CAFile, href],
    env,
    stdin: 'ignore',
    stdout: 'capture',
    stderr: input.stderr ? { stream: input.stderr } : 'inherit',
    maxOutputBytes: plugin.maxOutputBytes,
    signal: input.signal,
  });
  return { message: { data: data.toString('base64') } };
}
