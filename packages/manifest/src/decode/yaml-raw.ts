import { isAlias, isMap, isScalar, isSeq, type Node, type ParsedNode, parseAllDocuments, Scalar } from 'yaml';
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

/** Alias resolutions allowed per document; expanding more is treated as an alias bomb ("billion laughs"). */
export const MAX_ALIAS_RESOLUTIONS = 1000;

/** Raised while building the raw tree to abandon a document that yaml.v3 would reject (bad aliases, merges). */
class RawYamlError extends Error {}

/** Parses the first YAML document. Duplicate keys and syntax errors are issues (Helm: both fail to load). */
export function parseRawYaml(text: string): RawParseResult {
  const docs = parseAllDocuments(text, { uniqueKeys: sameKey, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (doc === undefined) return { value: null, issues: [] };
  const issues: ManifestIssue[] = doc.errors.map((e) => ({
    code: e.code === 'DUPLICATE_KEY' ? 'MANIFEST_DUPLICATE_KEY' : 'MANIFEST_YAML_SYNTAX',
    message: `${e.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'invalid YAML'}: ${firstLine(e.message)}${linePos(e.linePos)}`,
    path: [],
  }));
  if (issues.length > 0) return { value: null, issues };
  try {
    return { value: new RawBuilder(doc).build(doc.contents as Node | null), issues };
  } catch (err) {
    if (!(err instanceof RawYamlError)) throw err;
    return {
      value: null,
      issues: [{ code: 'MANIFEST_YAML_SYNTAX', message: `invalid YAML: ${err.message}`, path: [] }],
    };
  }
}

/** yaml.v3 calls two keys the same when they are the same kind of node with the same text (`1` and `"1"`). */
function sameKey(a: ParsedNode, b: ParsedNode): boolean {
  return isScalar(a) && isScalar(b) && scalarText(a) === scalarText(b);
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function linePos(pos: readonly { line: number; col: number }[] | undefined): string {
  const p = pos?.[0];
  return p === undefined ? '' : ` (line ${p.line}, column ${p.col})`;
}

class RawBuilder {
  private aliases = 0;
  /** Anchored nodes being expanded right now: an alias to one of them is a cycle. */
  private readonly expanding = new Set<Node>();

  constructor(private readonly doc: unknown) {}

  build(node: Node | null | undefined): RawYaml {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.alias(node.source, node.resolve(this.doc as never) as Node | undefined);
    if (isScalar(node)) return scalarText(node);
    if (isMap(node)) return this.map(node.items as { key: unknown; value: unknown }[]);
    if (isSeq(node)) return node.items.map((item) => this.build(item as Node | null));
    return null;
  }

  private alias(name: string, target: Node | undefined): RawYaml {
    if (target === undefined) throw new RawYamlError(`unknown anchor '${name}' referenced`);
    if (this.expanding.has(target)) throw new RawYamlError(`anchor '${name}' value contains itself`);
    if (++this.aliases > MAX_ALIAS_RESOLUTIONS) {
      throw new RawYamlError(`document contains excessive aliasing (more than ${MAX_ALIAS_RESOLUTIONS} aliases)`);
    }
    this.expanding.add(target);
    try {
      return this.build(target);
    } finally {
      this.expanding.delete(target);
    }
  }

  private map(items: { key: unknown; value: unknown }[]): RawYaml {
    const out: { [key: string]: RawYaml } = {};
    const merged: { [key: string]: RawYaml }[] = [];
    for (const pair of items) {
      const keyNode = pair.key as Node | null;
      if (isScalar(keyNode) && keyNode.type === Scalar.PLAIN && keyNode.source === '<<') {
        merged.push(...this.mergeSources(this.build(pair.value as Node | null)));
        continue;
      }
      const key = isScalar(keyNode) ? scalarText(keyNode) : String(pair.key);
      setOwn(out, key ?? '', this.build(pair.value as Node | null));
    }
    // yaml.v3 merge keys: explicit keys win, then earlier merged maps win over later ones.
    for (const source of merged) {
      for (const [k, v] of Object.entries(source)) if (!Object.hasOwn(out, k)) setOwn(out, k, v);
    }
    return out;
  }

  private mergeSources(value: RawYaml): { [key: string]: RawYaml }[] {
    const isRawMap = (v: RawYaml): v is { [key: string]: RawYaml } =>
      v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isRawMap(value)) return [value];
    if (Array.isArray(value) && value.every(isRawMap)) return value;
    throw new RawYamlError('map merge requires map or sequence of maps as the value');
  }
}

/** Defines an own property, so a `__proto__` key is data and never replaces the prototype. */
function setOwn(obj: { [key: string]: RawYaml }, key: string, value: RawYaml): void {
  // Plain assignment is much faster; only `__proto__` needs defineProperty to stay data.
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

function scalarText(node: Scalar): string | null {
  if (node.value === null && (node.type === Scalar.PLAIN || node.type === undefined)) return null;
  if (node.type === Scalar.PLAIN && typeof node.source === 'string') return node.source;
  return typeof node.value === 'string' ? node.value : String(node.value);
}
