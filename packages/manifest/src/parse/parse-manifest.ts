import { decodeWith, goString, goStruct } from '../decode/go-decode.js';

let anyStructSchema: ReturnType<typeof goStruct> | undefined;
const anyStruct = () => (anyStructSchema ??= goStruct({}, { strict: false }));

import { parseRawYaml } from '../decode/yaml-raw.js';
import type { PluginRegistry } from '../registry.js';
import type { ManifestPartial, ParseManifestResult } from '../types.js';
import { isRawMap, peekString, type RawMap, rawField } from './fields.js';
import { goQuote } from './identity.js';
import { parseLegacy } from './legacy.js';
import { parseV1 } from './v1.js';

/**
 * Parses and validates one plugin.yaml (either format) against the host's registry of plugin types and
 * runtimes. Sync and pure. Every problem is reported, each with a stable code and a field path; `metadata`
 * is present exactly when there are none.
 */
export function parseManifest(text: string, registry: PluginRegistry): ParseManifestResult {
  const { value, issues: yamlIssues } = parseRawYaml(text);
  if (yamlIssues.length > 0) return { issues: yamlIssues, partial: {} };
  const root = value ?? {};
  if (!isRawMap(root)) {
    const codes = { invalid: 'MANIFEST_INVALID_FIELD', typeName: 'plugin.Metadata' };
    return { issues: decodeWith(anyStruct(), root, [], codes).issues, partial: {} };
  }
  // Helm's peekAPIVersion: only `apiVersion` of the first document decides the format.
  const apiVersion = decodeWith(goString(), rawField(root, 'apiVersion'), ['apiVersion'], {
    invalid: 'MANIFEST_INVALID_FIELD',
    typeName: 'plugin.apiVersion',
  });
  if (apiVersion.value === undefined) return { issues: apiVersion.issues, partial: peekPartial(root) };
  if (apiVersion.value === '') return parseLegacy(root, registry);
  if (apiVersion.value === 'v1') return parseV1(root, registry);
  return {
    issues: [
      {
        code: 'MANIFEST_INVALID_API_VERSION',
        message: `invalid plugin apiVersion: ${goQuote(apiVersion.value)}`,
        path: ['apiVersion'],
      },
    ],
    partial: { ...peekPartial(root), apiVersion: apiVersion.value },
  };
}

function peekPartial(root: RawMap): ManifestPartial {
  const partial: ManifestPartial = {};
  for (const key of ['name', 'version', 'type'] as const) {
    const v = peekString(root, key);
    if (v !== undefined && v !== '') partial[key] = v;
  }
  return partial;
}
