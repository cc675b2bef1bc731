import type { ExtismRuntimeConfig } from './runtime-config.js';

/*
 * A LoadedPlugin's runtimeConfig is normally already normalised by the manifest loader (the plugin index cache
 * included). Recognising that shape is cheap; decoding a raw one needs zod and the Go-style decoders, which are
 * imported only then (they cost ~200 ms of start-up that `helm <plugin>` should not pay).
 */

const EXPORT_NAME = /^[A-Za-z_][A-Za-z0-9_.$-]{0,254}$/;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const uint = (v: unknown, max = Number.MAX_SAFE_INTEGER) =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The config when it is exactly a valid, normalised ExtismRuntimeConfig; undefined otherwise. */
export function normalisedConfig(raw: unknown): ExtismRuntimeConfig | undefined {
  if (!isObject(raw)) return undefined;
  const { memory, config, allowedHosts, fileSystem, timeout, hostFunctions, entryFuncName } = raw;
  if (!isObject(memory) || !isObject(config) || !isObject(fileSystem)) return undefined;
  const ok =
    uint(memory['maxPages'], 65_536) &&
    uint(memory['maxHttpResponseBytes']) &&
    uint(memory['maxVarBytes']) &&
    Object.values(config).every((v) => typeof v === 'string') &&
    strings(allowedHosts) &&
    (allowedHosts as string[]).every((h) => h.trim() !== '') &&
    typeof fileSystem['createTempDir'] === 'boolean' &&
    uint(timeout) &&
    strings(hostFunctions) &&
    typeof entryFuncName === 'string' &&
    EXPORT_NAME.test(entryFuncName);
  if (!ok) return undefined;
  return {
    memory: {
      maxPages: memory['maxPages'] as number,
      maxHttpResponseBytes: memory['maxHttpResponseBytes'] as number,
      maxVarBytes: memory['maxVarBytes'] as number,
    },
    config: { ...(config as Record<string, string>) },
    allowedHosts: [...(allowedHosts as string[])],
    fileSystem: { createTempDir: fileSystem['createTempDir'] as boolean },
    timeout: timeout as number,
    hostFunctions: [...(hostFunctions as string[])],
    entryFuncName,
  };
}
