import {
  type ConfigParseResult,
  decodeWith,
  goBool,
  goInt,
  goList,
  goString,
  goStringMap,
  goStruct,
  type ManifestIssue,
} from '@helm4/manifest';
import type { z } from 'zod';

/** The export Helm calls when `entryFuncName` is empty. */
export const DEFAULT_ENTRY_FUNC_NAME = 'helm_plugin_main';

/** The most 64 KiB pages a 32-bit Wasm memory can have (4 GiB). */
export const MAX_WASM_PAGES = 65_536;

/**
 * The normalised `runtimeConfig` of the `extism/v1` runtime (Helm's RuntimeConfigExtismV1). Values are recorded
 * as written, 0 when absent: Helm passes those zeros to Extism as they are (0 pages = no limit, 0 HTTP bytes =
 * every response body refused, 0 var bytes = vars disabled), whatever its docs say.
 */
export type ExtismRuntimeConfig = {
  memory: {
    /** uint32, 64 KiB pages; at most 65536. */
    maxPages: number;
    /** int64; not negative. */
    maxHttpResponseBytes: number;
    /** int64; not negative. */
    maxVarBytes: number;
  };
  /** Extism manifest `config` (read by the guest with pdk.GetConfig). */
  config: Record<string, string>;
  /** Hostnames or globs the guest may reach over Extism HTTP; none when empty. */
  allowedHosts: string[];
  fileSystem: {
    /** Mount a fresh host temp dir at the guest's /tmp for each call. */
    createTempDir: boolean;
  };
  /** uint64 milliseconds; 0 = no timeout. */
  timeout: number;
  /** Host functions the plugin asks for, by name. */
  hostFunctions: string[];
  /** The export to call; `helm_plugin_main` when empty. */
  entryFuncName: string;
};

const UINT32_MAX = 0xffff_ffff;

// Non-strict structs (yaml.v3 Unmarshal): unknown keys are ignored and each result is rebuilt from known keys.

const memorySchema = goStruct(
  {
    maxPages: goInt({ unsigned: true, goType: 'uint32' }).refine((n) => n <= UINT32_MAX, {
      error: 'cannot unmarshal a number above 4294967295 into uint32',
    }),
    maxHttpResponseBytes: goInt({ goType: 'int64' }),
    maxVarBytes: goInt({ goType: 'int64' }),
  },
  { strict: false },
);

const fileSystemSchema = goStruct({ createTempDir: goBool() }, { strict: false });

export const extismRuntimeConfigSchema: z.ZodType<ExtismRuntimeConfig, unknown> = goStruct(
  {
    memory: memorySchema,
    config: goStringMap(),
    allowedHosts: goList(goString()),
    fileSystem: fileSystemSchema,
    timeout: goInt({ unsigned: true, goType: 'uint64' }),
    hostFunctions: goList(goString()),
    entryFuncName: goString(),
  },
  { strict: false },
).transform((c) => ({
  memory: {
    maxPages: c.memory.maxPages,
    maxHttpResponseBytes: c.memory.maxHttpResponseBytes,
    maxVarBytes: c.memory.maxVarBytes,
  },
  config: c.config,
  allowedHosts: c.allowedHosts,
  fileSystem: { createTempDir: c.fileSystem.createTempDir },
  timeout: c.timeout,
  hostFunctions: c.hostFunctions,
  entryFuncName: c.entryFuncName === '' ? DEFAULT_ENTRY_FUNC_NAME : c.entryFuncName,
}));

/**
 * Decodes a raw `runtimeConfig` like yaml.v3 `Unmarshal` (non-strict), then validates it. Helm's Validate is
 * unimplemented and accepts anything; we refuse values that cannot work (RUNTIME_CONFIG_* codes). Values Helm cannot
 * decode at all (a negative uint, a map for a string) are MANIFEST_INVALID_FIELD, as for every section.
 */
export function parseExtismRuntimeConfig(raw: unknown): ConfigParseResult & { value?: ExtismRuntimeConfig } {
  const decoded = decodeWith(extismRuntimeConfigSchema, raw, [], {
    invalid: 'MANIFEST_INVALID_FIELD',
    typeName: 'plugin.RuntimeConfigExtismV1',
  });
  if (decoded.value === undefined) return decoded;
  const issues = validateExtismRuntimeConfig(decoded.value);
  return issues.length > 0 ? { issues } : decoded;
}

/** A name a Wasm toolchain would plausibly export: an identifier, possibly with `.`, `-` or `$`. */
const EXPORT_NAME = /^[A-Za-z_][A-Za-z0-9_.$-]{0,254}$/;

function validateExtismRuntimeConfig(rc: ExtismRuntimeConfig): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const { maxPages, maxHttpResponseBytes, maxVarBytes } = rc.memory;
  if (maxPages > MAX_WASM_PAGES) {
    issues.push({
      code: 'RUNTIME_CONFIG_OUT_OF_RANGE',
      message: `memory.maxPages ${maxPages} is above ${MAX_WASM_PAGES} (4 GiB, the most a Wasm memory can have)`,
      path: ['memory', 'maxPages'],
    });
  }
  for (const [key, value] of [
    ['maxHttpResponseBytes', maxHttpResponseBytes],
    ['maxVarBytes', maxVarBytes],
  ] as const) {
    if (value < 0) {
      issues.push({
        code: 'RUNTIME_CONFIG_OUT_OF_RANGE',
        message: `memory.${key} must not be negative, got ${value}`,
        path: ['memory', key],
      });
    }
  }
  rc.allowedHosts.forEach((host, i) => {
    if (host.trim() === '') {
      issues.push({
        code: 'RUNTIME_CONFIG_EMPTY_HOST',
        message: `allowedHosts has an empty host at index ${i}`,
        path: ['allowedHosts', i],
      });
    }
  });
  if (!EXPORT_NAME.test(rc.entryFuncName)) {
    issues.push({
      code: 'RUNTIME_CONFIG_INVALID_ENTRY_FUNC',
      message: `entryFuncName ${JSON.stringify(rc.entryFuncName)} is not a plausible Wasm export name`,
      path: ['entryFuncName'],
    });
  }
  return issues;
}
