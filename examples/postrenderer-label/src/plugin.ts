/*
 * postrenderer-label: a postrenderer/v1 Wasm plugin that adds labels to every manifest.
 * Labels: each `--post-renderer-args key=value`, else runtimeConfig.config.label (`key=value`).
 * Input {"manifests": "<yaml>", "extraArgs": [...]}; output {"manifests": "<yaml>"} (strings: Helm 4's
 * bytes.Buffer encoding cannot carry manifests, see docs/compat.md).
 *
 * Works line by line on the manifests as they are in the JSON input, still escaped (a line ends at the two
 * bytes `\n`): the YAML keys it looks for have nothing to escape, so the output JSON is the input's text with
 * escaped label lines inserted. No unescaped copy, one output buffer: 10 MiB of manifests need about 21 MiB of
 * guest memory. In each document, the top-level `metadata:` block gets the labels added to (or replacing the
 * same keys in) its `labels:` map, created when absent.
 */
import { Config } from '@extism/as-pdk';
import { ByteBuf, utf8 } from '../../shared/bytes';
import { abortHandler, fail, input, output } from '../../shared/host';
import { findField, readStringArray, stringEnd, writeEscaped, writeString } from '../../shared/json';

function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  abortHandler(message, fileName, line, column);
}

class Label {
  constructor(
    /** The key, JSON-escaped. */
    public key: Uint8Array,
    /** `key: "value"` as YAML, JSON-escaped. */
    public line: Uint8Array,
  ) {}
}

function parseLabel(arg: Uint8Array): Label | null {
  let eq = -1;
  for (let i = 0; i < arg.length; i++) {
    if (arg[i] == 0x3d) {
      eq = i;
      break;
    }
  }
  if (eq <= 0) return null;
  const key = arg.subarray(0, eq);
  const yaml = new ByteBuf(arg.length + 8);
  yaml.append(key);
  yaml.appendString(': ');
  writeString(yaml, arg.subarray(eq + 1)); // a JSON string is a valid YAML double-quoted scalar
  const escapedKey = new ByteBuf(key.length + 8);
  writeEscaped(escapedKey, key);
  const escapedLine = new ByteBuf(yaml.length + 16);
  writeEscaped(escapedLine, yaml.view());
  return new Label(escapedKey.view(), escapedLine.view());
}

/** The manifests, escaped: text[start, end). Lines end at an escaped newline (`\` `n`). */
let text: Uint8Array = new Uint8Array(0);
let end: i32 = 0;

/** Where the line starting at `at` ends: at the `\n` escape, or at `end`. */
function lineEnd(at: i32): i32 {
  while (at < end) {
    const c = unchecked(text[at]);
    if (c == 0x5c) {
      if (at + 1 < end && unchecked(text[at + 1]) == 0x6e) return at;
      at += 2;
    } else at++;
  }
  return end;
}

/** The start of the next line after a line ending at `e`. */
function nextLine(e: i32): i32 {
  return e < end ? e + 2 : end;
}

function indentOf(start: i32, e: i32): i32 {
  let i = start;
  while (i < e && unchecked(text[i]) == 0x20) i++;
  return i - start;
}

function isBlank(start: i32, e: i32): bool {
  return indentOf(start, e) == e - start;
}

/** Whether the line (after `indent` spaces) is `word:` alone, optionally followed by spaces or a comment. */
function isKeyLine(start: i32, e: i32, indent: i32, word: Uint8Array): bool {
  const at = start + indent;
  if (e - at < word.length) return false;
  if (memory.compare(text.dataStart + <usize>at, word.dataStart, <usize>word.length) != 0) return false;
  for (let i = at + word.length; i < e; i++) {
    const c = text[i];
    if (c == 0x23) return true;
    if (c != 0x20) return false;
  }
  return true;
}

function startsWith(at: i32, e: i32, prefix: Uint8Array): bool {
  if (e - at < prefix.length) return false;
  return memory.compare(text.dataStart + <usize>at, prefix.dataStart, <usize>prefix.length) == 0;
}

function isDocumentStart(start: i32, e: i32): bool {
  return e - start >= 3 && text[start] == 0x2d && text[start + 1] == 0x2d && text[start + 2] == 0x2d;
}

const METADATA = utf8('metadata:');
const LABELS = utf8('labels:');
const EMPTY_LABELS = utf8('labels: {}');
const NEWLINE = utf8('\\n');

function spaces(out: ByteBuf, n: i32): void {
  for (let i = 0; i < n; i++) out.push(0x20);
}

function writeLabels(out: ByteBuf, labels: Array<Label>, indent: i32): void {
  for (let i = 0; i < labels.length; i++) {
    spaces(out, indent);
    out.append(labels[i].line);
    out.append(NEWLINE);
  }
}

/** Copies text[start, end) to `out` with the labels added to every top-level metadata block. */
function label(start: i32, labels: Array<Label>, out: ByteBuf): void {
  let at = start;
  while (at < end) {
    const e = lineEnd(at);
    const next = nextLine(e);
    out.appendRange(text, at, next);
    if (!isKeyLine(at, e, 0, METADATA)) {
      at = next;
      continue;
    }
    // A top-level metadata block: the following blank or indented lines.
    at = next;
    let blockEnd = at;
    let childIndent = 0;
    while (blockEnd < end) {
      const be = lineEnd(blockEnd);
      if (isDocumentStart(blockEnd, be)) break;
      if (!isBlank(blockEnd, be)) {
        const indent = indentOf(blockEnd, be);
        if (indent == 0) break;
        if (childIndent == 0) childIndent = indent;
      }
      blockEnd = nextLine(be);
    }
    if (childIndent == 0) childIndent = 2;
    let labelsAt = -1;
    let scan = at;
    while (scan < blockEnd) {
      const se = lineEnd(scan);
      if (indentOf(scan, se) == childIndent) {
        if (isKeyLine(scan, se, childIndent, LABELS) || startsWith(scan + childIndent, se, EMPTY_LABELS)) {
          labelsAt = scan;
          break;
        }
      }
      scan = nextLine(se);
    }
    if (labelsAt < 0) {
      spaces(out, childIndent);
      out.append(LABELS);
      out.append(NEWLINE);
      writeLabels(out, labels, childIndent * 2);
      continue; // the block itself is copied by the main loop
    }
    // Copy up to the labels line, rewrite the labels map, then go on after it.
    out.appendRange(text, at, labelsAt);
    const labelsEnd = lineEnd(labelsAt);
    const flowEmpty = startsWith(labelsAt + childIndent, labelsEnd, EMPTY_LABELS);
    spaces(out, childIndent);
    out.append(LABELS);
    out.append(NEWLINE);
    at = nextLine(labelsEnd);
    // Existing entries: lines indented deeper than the labels key; drop the ones we set.
    let entryIndent = childIndent * 2;
    while (!flowEmpty && at < blockEnd) {
      const le = lineEnd(at);
      const nl = nextLine(le);
      const indent = indentOf(at, le);
      const blank = isBlank(at, le);
      if (!blank && indent <= childIndent) break;
      if (!blank) entryIndent = indent;
      let replaced = false;
      for (let i = 0; i < labels.length; i++) {
        const key = labels[i].key;
        if (indent > childIndent && startsWith(at + indent, le, key) && at + indent + key.length < le) {
          if (text[at + indent + key.length] == 0x3a) replaced = true;
        }
      }
      if (!replaced) out.appendRange(text, at, nl);
      at = nl;
    }
    writeLabels(out, labels, entryIndent);
  }
}

export function helm_plugin_main(): i32 {
  const message = input();
  const at = findField(message, 'manifests');
  if (at < 0 || message[at] != 0x22) return fail('input has no "manifests" string');
  const args = readStringArray(message, findField(message, 'extraArgs'));

  const labels = new Array<Label>();
  for (let i = 0; i < args.length; i++) {
    const l = parseLabel(args[i]);
    if (l === null) return fail('--post-renderer-args must be key=value labels');
    labels.push(l);
  }
  if (labels.length == 0) {
    const fallback = Config.get('label');
    const l = fallback !== null ? parseLabel(utf8(fallback)) : null;
    if (l !== null) labels.push(l);
  }

  text = message;
  end = stringEnd(message, at) - 1; // before the closing quote
  const size = end - at;
  const out = new ByteBuf(size + size / 8 + 1024);
  out.appendString('{"manifests":"');
  label(at + 1, labels, out);
  out.appendString('"}');
  output(out.view());
  return 0;
}
