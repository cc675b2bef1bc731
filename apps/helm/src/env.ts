import { helmEnvVars, loadSettings, type SettingsOverrides } from '@helm4/settings';

export function helmBin(): string {
  return process.env['HELM_BIN_OVERRIDE'] ?? process.argv[1] ?? 'helm';
}

export function helmEnvironment(env = process.env, overrides: SettingsOverrides = {}): Record<string, string> {
  return helmEnvVars(loadSettings(env, overrides), helmBin());
}

/** `helm env` prints the variables sorted by name, as Go's `KEY="value"` (%q) lines. */
export function renderEnv(vars: Record<string, string>): string {
  return Object.keys(vars)
    .sort()
    .map((k) => `${k}=${JSON.stringify(vars[k])}\n`)
    .join('');
}
