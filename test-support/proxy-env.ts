import { vi } from 'vitest';

/**
 * Sets proxy variables (HTTPS_PROXY, NO_PROXY, …) in both cases, so one the machine sets in the other case cannot
 * interfere; undone by `vi.unstubAllEnvs()`.
 */
export function stubProxyEnv(vars: Record<string, string>): void {
  for (const [name, value] of Object.entries(vars)) {
    vi.stubEnv(name.toUpperCase(), value);
    vi.stubEnv(name.toLowerCase(), value);
  }
}
