import path from 'node:path';
import type { PluginMetadata } from '@helm4/manifest';
import { writeFileAtomic } from '../fs/atomic.js';
import { keyIdsOf } from '../install/source-record.js';

/** The Artifact Hub package metadata file that `helm plugin package` writes beside the tarball. */
export const ARTIFACTHUB_FILE = 'artifacthub-pkg.yml';

/**
 * The annotation keys (Artifact Hub's free-form string properties) carrying what its format has no field for:
 * HIP-0026 asks for the plugin type as a property of the entry, so one catalog can mix plugin types.
 */
export const ARTIFACTHUB_ANNOTATIONS = {
  type: 'helm.sh/plugin/type',
  apiVersion: 'helm.sh/plugin/apiVersion',
  runtime: 'helm.sh/plugin/runtime',
  archive: 'helm.sh/plugin/archive',
  signingKeyFingerprint: 'helm.sh/plugin/signing-key-fingerprint',
  signingKeyId: 'helm.sh/plugin/signing-key-id',
  signedBy: 'helm.sh/plugin/signed-by',
} as const;

/**
 * The subset of Artifact Hub's package metadata (artifacthub/hub `hub.PackageMetadata`, read with yaml.v2
 * UnmarshalStrict and checked by `pkg.ValidatePackageMetadata`) that is written for a plugin.
 */
export interface ArtifactHubPackage {
  version: string;
  name: string;
  displayName: string;
  /** RFC 3339. */
  createdAt: string;
  description: string;
  /** `sha256:<hex>` of the tarball: what identifies this package version. */
  digest: string;
  prerelease?: boolean;
  keywords: string[];
  links?: { name: string; url: string }[];
  annotations: Record<string, string>;
}

export interface ArtifactHubInput {
  metadata: PluginMetadata;
  /** The tarball's file name. */
  archive: string;
  /** `sha256:<hex>` of the tarball. */
  digest: string;
  createdAt: Date;
  /** The key the `.prov` was made with, when signed. */
  signature?: { fingerprint: string; signedBy: readonly string[] };
}

function firstLine(text: unknown): string {
  return typeof text === 'string'
    ? (text
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim() ?? '')
    : '';
}

/**
 * Artifact Hub requires a description; plugin.yaml has none of its own. A legacy plugin's `description` became
 * its long help, a cli/v1 plugin has a short help; others get one made from the name and type.
 */
export function pluginDescription(m: PluginMetadata): string {
  const short = m.apiVersion === 'legacy' ? '' : firstLine(m.config['shortHelp']);
  return short || firstLine(m.config['longHelp']) || `Helm plugin ${m.name} (${m.type})`;
}

/** RFC 3339 in UTC, whole seconds (Go's time.RFC3339 layout). */
function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function artifactHubPackage(input: ArtifactHubInput): ArtifactHubPackage {
  const m = input.metadata;
  const annotations: Record<string, string> = {
    [ARTIFACTHUB_ANNOTATIONS.type]: m.type,
    [ARTIFACTHUB_ANNOTATIONS.apiVersion]: m.apiVersion,
    [ARTIFACTHUB_ANNOTATIONS.runtime]: m.runtime,
    [ARTIFACTHUB_ANNOTATIONS.archive]: input.archive,
  };
  if (input.signature !== undefined) {
    const fingerprint = input.signature.fingerprint.toUpperCase();
    annotations[ARTIFACTHUB_ANNOTATIONS.signingKeyFingerprint] = fingerprint;
    annotations[ARTIFACTHUB_ANNOTATIONS.signingKeyId] = keyIdsOf(fingerprint).keyId;
    if (input.signature.signedBy.length > 0) {
      annotations[ARTIFACTHUB_ANNOTATIONS.signedBy] = input.signature.signedBy.join('\n');
    }
  }
  return {
    version: m.version,
    name: m.name,
    displayName: m.name,
    createdAt: rfc3339(input.createdAt),
    description: pluginDescription(m),
    digest: input.digest,
    ...(m.version.includes('-') ? { prerelease: true } : {}),
    keywords: ['helm', 'helm-plugin', m.type],
    ...(m.sourceURL === '' ? {} : { links: [{ name: 'Source', url: m.sourceURL }] }),
    annotations,
  };
}

// ---- YAML output ------------------------------------------------------------------------------------------

/** Plain (unquoted) only when no YAML 1.1 or 1.2 reader could take the text for anything but that string. */
const PLAIN = /^[A-Za-z][A-Za-z0-9_./-]*$/;
const YAML11_SPECIAL = /^(?:y|yes|n|no|true|false|on|off|null)$/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Characters a YAML double-quoted scalar must escape beyond JSON's: DEL, C1 (NEL is a line break in 1.1), LS, PS, BOM. */
const YAML_UNPRINTABLE = /[\u007F-\u009F\u2028\u2029\uFEFF]/g;

function yamlString(s: string): string {
  if (PLAIN.test(s) && !YAML11_SPECIAL.test(s)) return s;
  // A JSON string is a YAML double-quoted scalar, once what YAML does not print is escaped too.
  return JSON.stringify(s.replace(LONE_SURROGATE, '\uFFFD')).replace(
    YAML_UNPRINTABLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Block-style YAML of the package: strings quoted whenever that could matter, keys in the order given. */
export function renderArtifactHubYaml(pkg: ArtifactHubPackage): string {
  const out = [
    `# Artifact Hub package metadata (https://github.com/artifacthub/hub/blob/master/docs/metadata/artifacthub-pkg.yml),`,
    `# written by \`helm plugin package\` for ${pkg.annotations[ARTIFACTHUB_ANNOTATIONS.archive] ?? pkg.name}.`,
  ];
  for (const [key, value] of Object.entries(pkg)) {
    if (typeof value === 'string') out.push(`${key}: ${yamlString(value)}`);
    else if (typeof value === 'boolean') out.push(`${key}: ${value}`);
    else if (Array.isArray(value)) {
      out.push(`${key}:`);
      for (const item of value as (string | Record<string, string>)[]) {
        if (typeof item === 'string') {
          out.push(`  - ${yamlString(item)}`);
          continue;
        }
        Object.entries(item).forEach(([k, v], i) => {
          out.push(`${i === 0 ? '  - ' : '    '}${yamlString(k)}: ${yamlString(v)}`);
        });
      }
    } else if (value !== null && typeof value === 'object') {
      out.push(`${key}:`);
      for (const [k, v] of Object.entries(value as Record<string, string>))
        out.push(`  ${yamlString(k)}: ${yamlString(v)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Writes `<destination>/artifacthub-pkg.yml` (atomically) and returns its path. */
export async function writeArtifactHubMetadata(destination: string, input: ArtifactHubInput): Promise<string> {
  const file = path.join(destination, ARTIFACTHUB_FILE);
  await writeFileAtomic(file, renderArtifactHubYaml(artifactHubPackage(input)));
  return file;
}
