/**
 * Helm's child environment: `os.Environ()` parsed into a map, then each layer in order (later keys win).
 * Entries with an empty key are dropped, as Helm's parseEnv does.
 */
export function buildEnv(
  ...layers: (Readonly<Record<string, string | undefined>> | undefined)[]
): Record<string, string> {
  const env: Record<string, string> = Object.create(null);
  for (const layer of [process.env, ...layers]) {
    if (layer === undefined) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (key !== '' && value !== undefined) env[key] = value;
    }
  }
  return env;
}

/** HELM_PLUGIN_NAME and HELM_PLUGIN_DIR, which the subprocess runtime sets last (they win over everything). */
export function pluginEnv(name: string, dir: string): Record<string, string> {
  return { HELM_PLUGIN_NAME: name, HELM_PLUGIN_DIR: dir };
}
