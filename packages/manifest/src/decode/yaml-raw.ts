import { isAlias, isMap, isScalar, isSeq, type Node, parseAllDocuments, Scalar } from 'yaml';
import type { ManifestIssue } from '../types.js';

/**
 * A YAML value as Go's yaml.v3 sees it before decoding into a typed field: maps, sequences, and scalars
 * kept as their text (`1.10` stays "1.10", `v1` stays "v1"); null scalars (`~`, `null`, empty) are null.
 * The Go-like decoders in ./go-decode.ts then give each field its type, as yaml.v3 does per struct field.
 */
export type RawYaml = null | string | RawYaml[] | { [key: string]: RawYaml };

export interface RawParseResult {
  value: RawYaml;
  issues: ManifestIssue[];
}

/** Parses the first YAML document. Duplicate keys and syntax errors are issues (Helm: both fail to load). */
export function parseRawYaml(text: string): RawParseResult {
  const docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false});
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (doc === undefined) return { value: null, issues: [] };
  const issues: ManifestIssue[] = doc.errors.map((e) => ({
    code: e.code === 'DUPLICATE_KEY' ? 'MANIFEST_DUPLICATE_KEY' : 'MANIFEST_YAML_SYNTAX',
    message: `${e.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'invalid YAML'}: ${firstLine(e.message)}${linePos(e.linePos)}`,
    path: [],
  }));
  if (issues.length > 0) return { value: null, issues };
  return { value: toRaw(doc.contents as Node | null, doc), issues };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function linePos(pos: readonly { line: number; col: number }[] | undefined): string {
  const p = pos?.[0];
  return p === undefined ? '' : ` (line ${p.line}, column ${p.col})`;
}

function toRaw(node: Node | null | undefined, doc: unknown): RawYaml {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toRaw(node.resolve(doc as never) as Node | undefined, doc);
  if (isScalar(node)) return scalarText(node);
  if (isMap(node)) {
    const out: { [key: string]: RawYaml } = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? scalarText(pair.key) : String(pair.key);
      Object.defineProperty(out, key ?? '', {
        value: toRaw(pair.value as Node | null, doc),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => toRaw(item as Node | null, doc));
  return null;
}

function scalarText(node: Scalar): string | null {
  if (node.value === null && (node.type === Scalar.PLAIN || node.type === undefined)) return null;
  if (node.type === Scalar.PLAIN && typeof node.source === 'string') return node.source;
  return typeof node.value === 'string' ? node.value : String(node.value);
}
