import { goString } from '../decode/go-decode.js';
import type { PluginRegistry } from '../registry.js';
import type { ManifestIssue, ManifestPartial, ParseManifestResult } from '../types.js';
import { decodeField, prefixIssues, type RawMap, rawField } from './fields.js';
import { checkName, checkVersion, goQuote } from './identity.js';

const V1_KEYS = new Set(['apiVersion', 'name', 'type', 'runtime', 'version', 'sourceURL', 'config', 'runtimeConfig']);
const TYPE_NAME = 'plugin.MetadataV1';

/** `apiVersion: v1`: strict top-level keys; config via the type (strict), runtimeConfig via the runtime. */
export function parseV1(map: RawMap, registry: PluginRegistry): ParseManifestResult {
  const issues: ManifestIssue[] = [];
  const partial: ManifestPartial = { apiVersion: 'v1' };
  for (const key of Object.keys(map)) {
    if (!V1_KEYS.has(key)) {
      issues.push({
        code: 'MANIFEST_UNKNOWN_FIELD',
        message: `field ${key} not found in type ${TYPE_NAME}`,
        path: [key],
      });
    }
  }
  const str = (key: string) => decodeField(map, key, goString(), TYPE_NAME, issues);
  const name = str('name');
  const version = str('version');
  const type = str('type');
  const runtime = str('runtime');
  const sourceURL = str('sourceURL');

  if (name !== undefined) {
    if (name !== '') partial.name = name;
    issues.push(...checkName(name));
  }
  if (version !== undefined) {
    if (version !== '') partial.version = version;
    issues.push(...checkVersion(version, true));
  }

  let canonicalType: string | undefined;
  let config: Record<string, unknown> | undefined;
  if (type === '') {
    issues.push({ code: 'MANIFEST_TYPE_MISSING', message: '`type` missing', path: ['type'] });
  } else if (type !== undefined) {
    partial.type = type;
    const def = registry.type(type);
    if (def === undefined) {
      issues.push({ code: 'MANIFEST_UNKNOWN_TYPE', message: `unknown plugin type ${goQuote(type)}`, path: ['type'] });
    } else {
      canonicalType = partial.type = def.type;
      const r = def.parseConfig(rawField(map, 'config'));
      issues.push(...prefixIssues(r.issues, 'config'));
      config = r.value ?? {};
    }
  }

  let runtimeConfig: Record<string, unknown> | undefined;
  if (runtime === '') {
    issues.push({ code: 'MANIFEST_RUNTIME_MISSING', message: '`runtime` missing', path: ['runtime'] });
  } else if (runtime !== undefined) {
    const def = registry.runtime(runtime);
    if (def === undefined) {
      issues.push({
        code: 'MANIFEST_UNKNOWN_RUNTIME',
        message: `unsupported plugin runtime type: ${goQuote(runtime)}`,
        path: ['runtime'],
      });
    } else {
      const r = def.parseRuntimeConfig(rawField(map, 'runtimeConfig'));
      issues.push(...prefixIssues(r.issues, 'runtimeConfig'));
      runtimeConfig = r.value ?? {};
    }
  }

  if (
    issues.length > 0 ||
    name === undefined ||
    version === undefined ||
    runtime === undefined ||
    sourceURL === undefined ||
    canonicalType === undefined ||
    config === undefined ||
    runtimeConfig === undefined
  ) {
    return { issues, partial };
  }
  return {
    metadata: { apiVersion: 'v1', name, type: canonicalType, runtime, version, sourceURL, config, runtimeConfig },
    issues,
    partial,
  };
}
