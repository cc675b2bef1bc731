import type { LoadedPlugin } from '@helm4/manifest';

/** Helm's built-in getters, which come before every plugin (`getter.All`): a plugin cannot override them. */
export const BUILTIN_SCHEMES = ['http', 'https', 'oci'] as const;

export type BuiltinScheme = (typeof BUILTIN_SCHEMES)[number];

/** Who serves a URL scheme: a built-in getter or a getter/v1 plugin. */
export type GetterProvider =
  | { kind: 'builtin'; scheme: BuiltinScheme }
  | { kind: 'plugin'; scheme: string; plugin: LoadedPlugin };

/** A getter/v1 plugin's `config.protocols` (empty for anything else). */
function protocolsOf(plugin: LoadedPlugin): string[] {
  if (plugin.metadata.type !== 'getter/v1') return [];
  const protocols = plugin.metadata.config['protocols'];
  return Array.isArray(protocols) ? protocols.filter((p): p is string => typeof p === 'string') : [];
}

/**
 * Every scheme with the provider Helm's `Providers.ByScheme` would pick: built-ins first, then the plugins in
 * the given order (the first plugin listing a scheme wins). Scheme comparison is exact, as in Helm; `href`
 * schemes are lower-cased by URL parsing, so a plugin protocol with capitals never matches.
 */
export function getterSchemes(plugins: readonly LoadedPlugin[]): GetterProvider[] {
  const providers: GetterProvider[] = BUILTIN_SCHEMES.map((scheme) => ({ kind: 'builtin', scheme }));
  const seen = new Set<string>(BUILTIN_SCHEMES);
  for (const plugin of plugins) {
    for (const scheme of protocolsOf(plugin)) {
      if (seen.has(scheme)) continue;
      seen.add(scheme);
      providers.push({ kind: 'plugin', scheme, plugin });
    }
  }
  return providers;
}

/** Helm's `Providers.ByScheme`: the provider for one scheme, or undefined. */
export function providerFor(scheme: string, plugins: readonly LoadedPlugin[]): GetterProvider | undefined {
  if ((BUILTIN_SCHEMES as readonly string[]).includes(scheme))
    return { kind: 'builtin', scheme: scheme as BuiltinScheme };
  const plugin = plugins.find((p) => protocolsOf(p).includes(scheme));
  return plugin === undefined ? undefined : { kind: 'plugin', scheme, plugin };
}
