/*
 * postrenderer-label: a postrenderer/v1 Wasm plugin that adds labels to every manifest.
 * Labels: each `--post-renderer-args key=value`, else runtimeConfig.config.label (`key=value`).
 * Input {"manifests": "<yaml>", "extraArgs": [...]}; output {"manifests": "<yaml>"} (strings: Helm 4's
 * bytes.Buffer encoding cannot carry manifests, see docs/compat.md).
 *
 * Works on the YAML text, line by line, as UTF-8 bytes: in each document, the top-level `metadata:` block gets
 * the labels added to (or replacing the same keys in) its `labels:` map, created when absent.
 */
import { Config } from '@extism/as-pdk';
import { ByteBuf, utf8 } from '../../shared/bytes';
import { abortHandler, fail, input, output } from '../../shared/host';
import { findField, readString, readStringArray, writeString } from '../../shared/json';

function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  abortHandler(message, fileName, line, column);
}

class Label {
  constructor(
    public key: Uint8Array,
    /** The rendered line content after the indent: `key: "value"`. */
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
  const key = arg.slice(0, eq);
  const line = new ByteBuf(arg.length + 8);
  line.append(key);
  line.appendString(': ');
  writeString(line, arg.slice(eq + 1)); // a JSON string is a valid YAML double-quoted scalar
  return new Label(key, line.view().slice());
}

/** Index of the end of the line starting at `at` (the newline, or the end). */
function lineEnd(text: Uint8Array, at: i32): i32 {
  const n = text.length;
  while (at < n && unchecked(text[at]) != 0x0a) at++;
  return at;
}

function indentOf(text: Uint8Array, start: i32, end: i32): i32 {
  let i = start;
  while (i < end && unchecked(text[i]) == 0x20) i++;
  return i - start;
}

/** Whether the line (after `indent` spaces) is `word:` alone, optionally followed by spaces or a comment. */
function isKeyLine(text: Uint8Array, start: i32, end: i32, indent: i32, word: string): bool {
  const w = utf8(word + ':');
  const at = start + indent;
  if (end - at < w.length) return false;
  if (memory.compare(text.dataStart + <usize>at, w.dataStart, <usize>w.length) != 0) return false;
  for (let i = at + w.length; i < end; i++) {
    const c = text[i];
    if (c == 0x23) return true;
    if (c != 0x20 && c != 0x0d) return false;
  }
  return true;
}

/** Whether the line (after `indent`) is `labels: {}`. */
function isEmptyFlowLabels(text: Uint8Array, start: i32, end: i32, indent: i32): bool {
  const w = utf8('labels: {}');
  const at = start + indent;
  if (end - at < w.length) return false;
  return memory.compare(text.dataStart + <usize>at, w.dataStart, <usize>w.length) == 0;
}

function startsWithKey(text: Uint8Array, at: i32, end: i32, key: Uint8Array): bool {
  if (end - at < key.length + 1) return false;
  if (memory.compare(text.dataStart + <usize>at, key.dataStart, <usize>key.length) != 0) return false;
  return text[at + key.length] == 0x3a;
}

function spaces(out: ByteBuf, n: i32): void {
  for (let i = 0; i < n; i++) out.push(0x20);
}

function isDocumentStart(text: Uint8Array, start: i32, end: i32): bool {
  return end - start >= 3 && text[start] == 0x2d && text[start + 1] == 0x2d && text[start + 2] == 0x2d;
}

function isBlank(text: Uint8Array, start: i32, end: i32): bool {
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c != 0x20 && c != 0x0d) return false;
  }
  return true;
}

function label(text: Uint8Array, labels: Array<Label>, out: ByteBuf): void {
  const n = text.length;
  let at = 0;
  while (at < n) {
    const end = lineEnd(text, at);
    const next = end < n ? end + 1 : end;
    if (!isKeyLine(text, at, end, 0, 'metadata')) {
      out.appendRange(text, at, next);
      at = next;
      continue;
    }
    // A top-level metadata block: the following blank or indented lines.
    out.appendRange(text, at, next);
    at = next;
    let blockEnd = at;
    let childIndent = 0;
    while (blockEnd < n) {
      const e = lineEnd(text, blockEnd);
      if (isDocumentStart(text, blockEnd, e)) break;
      if (!isBlank(text, blockEnd, e)) {
        const indent = indentOf(text, blockEnd, e);
        if (indent == 0) break;
        if (childIndent == 0) childIndent = indent;
      }
      blockEnd = e < n ? e + 1 : e;
    }
    if (childIndent == 0) childIndent = 2;
    // Find `labels:` among the children.
    let labelsAt = -1;
    let scan = at;
    while (scan < blockEnd) {
      const e = lineEnd(text, scan);
      if (indentOf(text, scan, e) == childIndent) {
        if (isKeyLine(text, scan, e, childIndent, 'labels') || isEmptyFlowLabels(text, scan, e, childIndent)) {
          labelsAt = scan;
          break;
        }
      }
      scan = e < n ? e + 1 : e;
    }
    const labelIndent = childIndent * 2;
    if (labelsAt < 0) {
      spaces(out, childIndent);
      out.appendString('labels:\n');
      for (let i = 0; i < labels.length; i++) {
        spaces(out, labelIndent);
        out.append(labels[i].line);
        out.push(0x0a);
      }
      continue; // the block itself is copied by the main loop
    }
    // Copy up to the labels line, rewrite the labels map, copy the rest of the block.
    out.appendRange(text, at, labelsAt);
    const labelsEnd = lineEnd(text, labelsAt);
    spaces(out, childIndent);
    out.appendString('labels:\n');
    at = labelsEnd < n ? labelsEnd + 1 : labelsEnd;
    const flowEmpty = isEmptyFlowLabels(text, labelsAt, labelsEnd, childIndent);
    // Existing entries: lines indented deeper than the labels key; drop the ones we set.
    let entryIndent = labelIndent;
    while (!flowEmpty && at < blockEnd) {
      const e = lineEnd(text, at);
      const nextLine = e < n ? e + 1 : e;
      const indent = indentOf(text, at, e);
      if (!isBlank(text, at, e) && indent <= childIndent) break;
      if (!isBlank(text, at, e)) entryIndent = indent;
      let replaced = false;
      for (let i = 0; i < labels.length; i++) {
        if (indent > childIndent && startsWithKey(text, at + indent, e, labels[i].key)) replaced = true;
      }
      if (!replaced) out.appendRange(text, at, nextLine);
      at = nextLine;
    }
    for (let i = 0; i < labels.length; i++) {
      spaces(out, entryIndent);
      out.append(labels[i].line);
      out.push(0x0a);
    }
  }
}

export function helm_plugin_main(): i32 {
  const message = input();
  const manifests = readString(message, findField(message, 'manifests'));
  if (manifests === null) return fail('input has no "manifests" string');
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

  const rendered = new ByteBuf(manifests.length + manifests.length / 8 + 1024);
  label(manifests, labels, rendered);
  const out = new ByteBuf(rendered.length + rendered.length / 8 + 32);
  out.appendString('{"manifests":');
  writeString(out, rendered.view());
  out.push(0x7d);
  output(out.view());
  return 0;
}
