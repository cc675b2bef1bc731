import { Helm4Error } from '@helm4/errors';
import type { LoadedPlugin } from '@helm4/manifest';
import type { PluginInstance } from '@helm4/runtime';
import { defaultGetterOptions } from '../defaults.js';
import type { GetterOptions } from '../messages.js';
import { protocolOf } from '../protocol.js';
import { httpGet } from './http-getter.js';
import { fetchWithPlugin } from './plugin-getter.js';
import { getterSchemes, providerFor } from './providers.js';

export interface FetchWithGettersOptions {
  /** Getter options (Go field names); missing ones are Go zero values, except `URL`, which defaults to href. */
  options?: Partial<GetterOptions>;
  /** The getter/v1 plugins, in Helm's order (plugin directory order); the first listing a scheme serves it. */
  plugins: readonly LoadedPlugin[];
  /** Binds a plugin to its runtime (subprocess or Wasm). */
  instantiate: (plugin: LoadedPlugin) => Promise<PluginInstance>;
  /** The HELM_* environment (settings' env vars) given to getter plugins. */
  env?: Readonly<Record<string, string>>;
  /** The fetch used by the built-in http/https getter; Node's global fetch by default. */
  fetch?: typeof fetch;
}

/**
 * Fetches `href` as Helm's `getter.All(settings).ByScheme(scheme).Get(href)` does: the built-in http/https
 * getter first (plugins cannot override it), then the first getter/v1 plugin listing the scheme. Throws
 * GETTER_NO_PROVIDER for a scheme nobody serves, GETTER_OCI_UNSUPPORTED for `oci://` (Helm's built-in OCI
 * getter is not implemented here), and GETTER_HTTP_* / GETTER_PLUGIN_FAILED / GETTER_INVALID_OUTPUT on failure.
 */
export async function fetchWithGetters(href: string, opts: FetchWithGettersOptions): Promise<Uint8Array> {
  const scheme = protocolOf(href);
  const options: GetterOptions = { ...defaultGetterOptions(), URL: href, ...opts.options };
  const provider = providerFor(scheme, opts.plugins);
  if (provider === undefined) {
    const known = getterSchemes(opts.plugins).map((p) => p.scheme);
    throw new Helm4Error('GETTER_NO_PROVIDER', `scheme ${JSON.stringify(scheme)} not supported`, {
      details: { href, scheme, supported: known },
      hint: `install a getter plugin for ${JSON.stringify(scheme)}; supported schemes: ${known.join(', ')}`,
    });
  }
  if (provider.kind === 'plugin') {
    return fetchWithPlugin({
      href,
      protocol: scheme,
      options,
      plugin: provider.plugin,
      instantiate: opts.instantiate,
      env: opts.env ?? {},
    });
  }
  if (provider.scheme === 'oci') {
    throw new Helm4Error('GETTER_OCI_UNSUPPORTED', `cannot fetch ${href}: the built-in OCI getter is not implemented`, {
      details: { href },
      hint: 'Helm serves oci:// with its built-in OCI getter, which plugins cannot override',
    });
  }
  return httpGet(href, options, opts.fetch);
}
