import { createRequire } from 'node:module';
import { provenanceError } from '../codes.js';
import { marshalGoYaml } from '../yaml/marshal.js';
import { resolvesToString } from '../yaml/resolve.js';
import { type ProvenanceMetadata, toGoMetadata } from './go-metadata.js';

/** `---` may not appear in a clearsigned text, so Helm separates the halves with YAML's document-end marker. */
export const MESSAGE_BLOCK_SEPARATOR = '\n...\n';

export interface MessageBlock {
  /** The first half, unparsed (Helm ignores it when verifying). */
  metadata: string;
  /** `files` of the second half: file name → `sha256:<hex>`. */
  files: Record<string, string>;
}

/** `sigs.k8s.io/yaml.Marshal(Metadata)`: the first half of the message block, byte for byte as Helm writes it. */
export function marshalPluginMetadata(metadata: ProvenanceMetadata): string {
  return marshalGoYaml(toGoMetadata(metadata));
}

/** Helm's messageBlock: metadata YAML, `\n...\n`, then `files:` with one `sha256:<hex>` per file name. */
export function buildMessageBlock(metadataYaml: string, files: Readonly<Record<string, string>>): string {
  return metadataYaml + MESSAGE_BLOCK_SEPARATOR + marshalGoYaml({ files });
}

function invalid(reason: string, cause?: unknown) {
  return provenanceError('PROVENANCE_MESSAGE_BLOCK_INVALID', `invalid provenance message block: ${reason}`, {
    ...(cause === undefined ? {} : { cause }),
    hint: 'the .prov file is damaged or was not written by helm; ask its publisher for a new one',
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `files` part exactly as Helm and we write it: plain file names (ones go-yaml reads back as the same
 * string) mapped to `sha256:<hex>`. Read without a YAML parser, which costs ~40 ms to load.
 */
const CANONICAL_FILES = /^files:\n((?: {2}[A-Za-z0-9][A-Za-z0-9._+-]*: sha256:[0-9a-f]{64}\n)+)\n*$/;

function parseCanonicalFiles(part: string): Record<string, string> | undefined {
  const m = CANONICAL_FILES.exec(part);
  if (m === null) return undefined;
  const files: Record<string, string> = Object.create(null);
  for (const line of m[1]!.split('\n')) {
    if (line === '') continue;
    const [name = '', sum = ''] = line.trim().split(': ');
    if (!resolvesToString(name) || Object.hasOwn(files, name)) return undefined;
    files[name] = sum;
  }
  return files;
}

/** The `yaml` package, loaded on first use only. */
function yamlParser(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}

/**
 * Helm's ParseMessageBlock as used for verification: split on `\n...\n` (at least two parts), ignore the
 * metadata half and read `files` from the second part only. Like encoding/json behind sigs.k8s.io/yaml, the
 * `files` key matches case-insensitively and scalar values are taken as strings.
 */
export function parseMessageBlock(text: string): MessageBlock {
  const parts = text.split(MESSAGE_BLOCK_SEPARATOR);
  if (parts.length < 2) throw invalid('message block must have at least two parts');
  const canonical = parseCanonicalFiles(parts[1] ?? '');
  if (canonical !== undefined) return { metadata: parts[0] ?? '', files: canonical };
  const doc = yamlParser().parseDocument(parts[1] ?? '', { uniqueKeys: false, version: '1.1' });
  if (doc.errors.length > 0) throw invalid('the files part is not YAML', doc.errors[0]);
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  // No prototype: a file named `constructor` or `__proto__` must not be found, or set, by accident.
  const files: Record<string, string> = Object.create(null);
  if (value === null || value === undefined) return { metadata: parts[0] ?? '', files };
  if (!isRecord(value)) throw invalid('the files part is not a mapping');
  for (const [key, entries] of Object.entries(value)) {
    if (key.toLowerCase() !== 'files' || entries === null || entries === undefined) continue;
    if (!isRecord(entries)) throw invalid('`files` is not a mapping');
    for (const [name, sum] of Object.entries(entries)) {
      if (sum === null || sum === undefined) files[name] = '';
      else if (typeof sum === 'string') files[name] = sum;
      else if (typeof sum === 'number' || typeof sum === 'boolean' || typeof sum === 'bigint')
        files[name] = String(sum);
      else throw invalid(`the digest of ${JSON.stringify(name)} is not a string`);
    }
  }
  return { metadata: parts[0] ?? '', files };
}
