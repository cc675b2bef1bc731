import type { ExtismRuntimeConfig } from './runtime-config.js';

/** Limits a call runs with. */
export interface EffectiveLimits {
  maxPages: number;
  maxHttpResponseBytes: number;
  maxVarBytes: number;
  /** 0: no timeout. */
  timeoutMs: number;
}

/**
 * What a 0 (absent) value in runtimeConfig means here. Helm passes zeros to Extism as they are, which makes
 * HTTP response bodies and vars unusable and memory unlimited (4 GiB); we use these instead (docs/compat.md).
 */
export const DEFAULT_LIMITS: Readonly<EffectiveLimits> = {
  /** 1 GiB of guest memory. */
  maxPages: 16_384,
  /** 64 MiB per HTTP response body. */
  maxHttpResponseBytes: 64 * 1024 * 1024,
  /** 1 MiB of Extism vars. */
  maxVarBytes: 1024 * 1024,
  /** No timeout, as in Helm (an AbortSignal still stops the call). */
  timeoutMs: 0,
};

export function effectiveLimits(rc: ExtismRuntimeConfig, defaults: Partial<EffectiveLimits> = {}): EffectiveLimits {
  const d = { ...DEFAULT_LIMITS, ...defaults };
  return {
    maxPages: rc.memory.maxPages || d.maxPages,
    maxHttpResponseBytes: rc.memory.maxHttpResponseBytes || d.maxHttpResponseBytes,
    maxVarBytes: rc.memory.maxVarBytes || d.maxVarBytes,
    timeoutMs: rc.timeout || d.timeoutMs,
  };
}
