/**
 * `@helm4/plugin-type-getter/runtime`: how getter/v1 plugins run on the runtimes (Helm's runGetter, the Helm 3
 * downloader convention, and the Wasm message). Light: no zod, no YAML.
 */
import { isAbsolute, join } from 'node:path';
import { Helm4Error } from '@helm4/errors';
import type { SubprocessProtocolCommand } from '@helm4/manifest';
import { isJsonObject, type MessageIssue, type PluginTypeBinding, RUNTIME_CODES, readString } from '@helm4/runtime';
import { GETTER_OPTION_DEFAULTS } from './defaults.js';

/** The getter/v1 input message: Helm's GetterOptionsV1 under Go field names, every field present. */
export interface GetterInput {
  href: string;
  protocol: string;
  options: Record<string, unknown> & typeof GETTER_OPTION_DEFAULTS;
}

const OPTION_ZEROS: Readonly<Record<string, string | boolean | number>> = GETTER_OPTION_DEFAULTS;

/** The options with Go's zero value for each missing field; a field of the wrong type is an issue. */
function readOptions(value: unknown, issues: MessageIssue[]): GetterInput['options'] {
  if (value === undefined || value === null) return { ...GETTER_OPTION_DEFAULTS };
  if (!isJsonObject(value)) {
    issues.push({ path: ['options'], message: 'expected an object' });
    return { ...GETTER_OPTION_DEFAULTS };
  }
  const options: Record<string, unknown> = { ...value };
  for (const [key, zero] of Object.entries(OPTION_ZEROS)) {
    const given = value[key];
    if (given === undefined) options[key] = zero;
    else if (typeof given !== typeof zero || (typeof zero === 'number' && !Number.isInteger(given))) {
      issues.push({
        path: ['options', key],
        message: `expected ${typeof zero === 'number' ? 'an integer' : `a ${typeof zero}`}`,
      });
    }
  }
  return options as GetterInput['options'];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

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

export const getterRuntimeBinding: PluginTypeBinding<GetterInput> = {
  type: 'getter/v1',
  readInput: (message, issues) => ({
    href: readString(message, 'href', issues),
    protocol: readString(message, 'protocol', issues),
    options: readOptions(message['options'], issues),
  }),
  wasm: {
    output(json) {
      if (!isJsonObject(json) || !Object.hasOwn(json, 'data')) return { invalid: 'expected {"data": "<base64>"}' };
      const data = json['data'];
      if (data === null) return { message: { data: '' } };
      if (typeof data !== 'string' || !BASE64.test(data)) return { invalid: '"data" is not standard base64' };
      return { message: { data } };
    },
  },
  subprocess: {
    /**
     * Helm's runGetter: argv = command + args (unexpanded) + certFile, keyFile, caFile, href; credentials in
     * HELM_PLUGIN_USERNAME / _PASSWORD / _PASS_CREDENTIALS_ALL; stdout is the data; stderr goes to the caller's
     * stderr (the parent's by default).
     */
    async invoke(call, { href, protocol, options }, input) {
      const command = protocolCommand(call.config.protocolCommands, protocol);
      if (command === undefined) {
        throw new Helm4Error(
          RUNTIME_CODES.noDownloader,
          `no downloader found for protocol ${JSON.stringify(protocol)}`,
          {
            details: { plugin: call.plugin.name, protocol },
            hint: 'the plugin lists the protocol in config.protocols but has no runtimeConfig.protocolCommands entry for it',
          },
        );
      }
      const env = call.env(input.env, {
        HELM_PLUGIN_USERNAME: options.Username,
        HELM_PLUGIN_PASSWORD: options.Password,
        HELM_PLUGIN_PASS_CREDENTIALS_ALL: String(options.PassCredentialsAll),
      });
      const { main, args } = call.command(command.platformCommand, false, [], env);
      const data = await call.run({
        main: getterCommandPath(call.plugin.dir, main),
        args: [...args, options.CertFile, options.KeyFile, options.CAFile, href],
        env,
        stdin: 'ignore',
        stdout: 'capture',
        stderr: input.stderr ? { stream: input.stderr } : 'inherit',
        signal: input.signal,
      });
      return { message: { data: data.toString('base64') } };
    },
  },
};
