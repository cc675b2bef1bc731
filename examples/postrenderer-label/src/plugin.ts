/*
 * postrenderer-label: a postrenderer/v1 Wasm plugin that adds labels to every manifest.
 * Labels: each `--post-renderer-args key=value`, else runtimeConfig.config.label (`key=value`).
 * Input {"manifests": "<yaml>", "extraArgs": [...]}; output {"manifests": "<yaml>"} (strings: Helm 4's
 * bytes.Buffer encoding cannot carry manifests, see docs/compat.md).
 *
 * Works line by line on the manifests as they are in the JSON input, still escaped (a line ends at the escape
 * `\n` or `\u000a`): the YAML keys it looks for have nothing to escape, so the output JSON is the input's text
 * with escaped label lines inserted (and replaced label lines left out). In each document, the top-level
 * `metadata:` block gets the labels added to (or replacing the same keys in) its `labels:` map, created when
 * absent.
 *
 * It streams (../../shared/stream.ts): each call runs in a fresh instance, where every page of guest memory it
 * touches is a page fault (~3 ms a MiB on a Firecracker VM), so guest memory stays at ~128 KiB whatever the
 * size of the manifests. The input is read once, through a 64 KiB window (grown only to hold a longer metadata
 * block; longer lines pass through it): the members before the manifests from the start, those after them
 * (our helm sends extraArgs last) backwards from the end. The output goes straight into a block of host
 * memory, sized from the documents of the first window.
 */
import { Config } from '@extism/as-pdk';
import { ByteBuf, utf8 } from '../../shared/bytes';
import { abortHandler, fail } from '../../shared/host';
import { writeEscaped, writeString } from '../../shared/json';
import { InputWindow, OutputBlock, TopLevelMembers, TrailingMembers } from '../../shared/stream';

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

const METADATA = utf8('metadata:');
const LABELS = utf8('labels:');
const EMPTY_LABELS = utf8('labels: {}');
const NEWLINE = utf8('\\n');

/*
 * The manifests' text, in input offsets (i64), is read through `window`; the line functions below work on
 * window indices (i32) into `text` = window.data, valid until the window moves (`keep`).
 */
let window!: InputWindow; // made in helm_plugin_main: a module's start function cannot call the host (Extism)
let text = new Uint8Array(0);
/** Scans stop here: escapes starting further on may be cut by the window's end. */
let limit: i32 = 0;

function windowMoved(): void {
  text = window.data;
  limit = window.exhausted() ? window.len : window.len - 6;
}

/** The output: the manifests' text up to `from` and what was inserted; the text from `from` on is still to copy. */
class Splice {
  from: i64 = 0;
  constructor(public block: OutputBlock) {}

  /** Copies the text up to `to`. */
  copyTo(to: i64): void {
    const n = <i32>(to - this.from);
    if (n <= 0) return;
    this.block.write(text.dataStart + <usize>window.index(this.from), n);
    this.from = to;
  }

  /** Leaves out the text from `from` to `to`. */
  skipTo(to: i64): void {
    this.from = to;
  }

  /** Inserts `bytes[0, n)` (not a view: the stub runtime never frees). */
  insert(bytes: Uint8Array, n: i32 = bytes.length): void {
    this.block.write(bytes.dataStart, n);
  }
}

let out!: Splice;
let labels = new Array<Label>();
/** The input offset of the manifests' closing quote, once reached. */
let endAt: i64 = -1;

/** Moves the window to start at `at` (or grows it if it does), copying the output up to `at` first. */
function keep(at: i64): void {
  out.copyTo(at);
  window.extend(at);
  windowMoved();
}

/** The index of the first `\` or `"` in text[i, stop), or `stop`; eight bytes at a time. */
function nextSpecial(i: i32, stop: i32): i32 {
  if (i >= stop) return i; // past an escape that ends beyond `stop`
  const start = text.dataStart;
  while (i < stop) {
    const x = load<u64>(start + <usize>i);
    const bs = x ^ 0x5c5c5c5c5c5c5c5c;
    const q = x ^ 0x2222222222222222;
    // A byte of `bs` or `q` is zero where x has a backslash or a quote; the lowest flag is exact.
    const found = (((bs - 0x0101010101010101) & ~bs) | ((q - 0x0101010101010101) & ~q)) & 0x8080808080808080;
    if (found != 0) {
      const at = i + <i32>(ctz(found) >> 3);
      return at < stop ? at : stop;
    }
    i += 8;
  }
  return stop;
}

/** Whether the escape at `i` is a newline: `\n` or `\u000a`. */
function isNewline(i: i32): bool {
  const c = unchecked(text[i + 1]);
  if (c == 0x6e) return true;
  return (
    c == 0x75 &&
    unchecked(text[i + 2]) == 0x30 &&
    unchecked(text[i + 3]) == 0x30 &&
    unchecked(text[i + 4]) == 0x30 &&
    (unchecked(text[i + 5]) | 0x20) == 0x61
  );
}

/**
 * Where the line starting at `i` ends: at its newline escape, or at the manifests' closing quote. -1 when it
 * reaches `limit` first; at the end of an input cut short, the window's end.
 */
function lineEnd(i: i32): i32 {
  while (true) {
    i = nextSpecial(i, limit);
    if (i >= limit) break;
    if (unchecked(text[i]) == 0x22 || isNewline(i)) return i;
    i += 2; // an escape; `\uXXXX` goes on with its hex digits
  }
  return window.exhausted() ? window.len : -1;
}

/** The length of the line end at `e`: 2 or 6 for a newline escape, 0 at the end of the manifests. */
function endLength(e: i32): i32 {
  if (e >= window.len || unchecked(text[e]) != 0x5c) return 0;
  return unchecked(text[e + 1]) == 0x6e ? 2 : 6;
}

/** The start of the line after the line ending at `e` (`e` itself at the end of the manifests). */
function nextLine(e: i32): i32 {
  return e + endLength(e);
}

function indentOf(start: i32, e: i32): i32 {
  let i = start;
  while (i < e && unchecked(text[i]) == 0x20) i++;
  return i - start;
}

function startsWith(at: i32, e: i32, prefix: Uint8Array): bool {
  if (e - at < prefix.length || unchecked(text[at]) != unchecked(prefix[0])) return false;
  return memory.compare(text.dataStart + <usize>at, prefix.dataStart, <usize>prefix.length) == 0;
}

/** Whether the line (after `indent` spaces) is `word:` alone, optionally followed by spaces or a comment. */
function isKeyLine(start: i32, e: i32, indent: i32, word: Uint8Array): bool {
  const at = start + indent;
  if (!startsWith(at, e, word)) return false;
  for (let i = at + word.length; i < e; i++) {
    const c = text[i];
    if (c == 0x23) return true;
    if (c != 0x20) return false;
  }
  return true;
}

function isDocumentStart(start: i32, e: i32): bool {
  return e - start >= 3 && text[start] == 0x2d && text[start + 1] == 0x2d && text[start + 2] == 0x2d;
}

/** Whether the labels entry line text[start, e) (indented by `indent`) sets a key of `labels`. */
function isReplaced(start: i32, e: i32, indent: i32): bool {
  const at = start + indent;
  for (let i = 0; i < labels.length; i++) {
    const key = labels[i].key;
    if (startsWith(at, e, key) && at + key.length < e && text[at + key.length] == 0x3a) return true;
  }
  return false;
}

/**
 * The window index of the start of the line after the one at `i` (moving the window as it goes: lines longer
 * than the window go through it), or -1 at the end of the manifests (`endAt`).
 */
function nextLineStart(i: i32): i32 {
  while (true) {
    i = nextSpecial(i, limit);
    if (i >= limit) {
      if (window.exhausted()) break;
      const at = window.offset(i);
      keep(at);
      i = window.index(at);
      continue;
    }
    if (unchecked(text[i]) == 0x22) break;
    if (isNewline(i)) return i + (unchecked(text[i + 1]) == 0x6e ? 2 : 6);
    i += 2;
  }
  endAt = window.offset(i < window.len ? i : window.len);
  return -1;
}

/** The lines of the metadata block being labelled (window indices): starts, ends, and where the block ends. */
let lineStarts = new StaticArray<i32>(64);
let lineEnds = new StaticArray<i32>(64);
let lineCount = 0;
let blockEnd = 0;
/** The indent of the block's first non-blank line (0 when none). */
let childIndent = 0;

function addLine(start: i32, e: i32): void {
  if (lineCount == lineStarts.length) {
    const starts = new StaticArray<i32>(lineCount * 2);
    const ends = new StaticArray<i32>(lineCount * 2);
    memory.copy(changetype<usize>(starts), changetype<usize>(lineStarts), (<usize>lineCount) << 2);
    memory.copy(changetype<usize>(ends), changetype<usize>(lineEnds), (<usize>lineCount) << 2);
    lineStarts = starts;
    lineEnds = ends;
  }
  unchecked((lineStarts[lineCount] = start));
  unchecked((lineEnds[lineCount] = e));
  lineCount++;
}

/**
 * Reads the lines of the metadata block starting at `i`: the blank or indented lines up to the next top-level
 * line or document. False when they run past `limit`.
 */
function readBlock(i: i32): bool {
  lineCount = 0;
  childIndent = 0;
  while (true) {
    const e = lineEnd(i);
    if (e < 0) return false;
    if ((e == i && endLength(e) == 0) || isDocumentStart(i, e)) break;
    const indent = indentOf(i, e);
    if (indent < e - i) {
      if (indent == 0) break;
      if (childIndent == 0) childIndent = indent;
    }
    addLine(i, e);
    const n = endLength(e);
    i = e + n;
    if (n == 0) break;
  }
  blockEnd = i;
  return true;
}

/** `labels:` at an indent, and the label lines at an indent: built again only when the indent changes. */
const labelsKey = new ByteBuf(64);
const labelLines = new ByteBuf(256);
let labelsKeyIndent = -1;
let labelLinesIndent = -1;

function spaces(buf: ByteBuf, n: i32): void {
  for (let i = 0; i < n; i++) buf.push(0x20);
}

function insertLabelsKey(indent: i32): void {
  if (indent != labelsKeyIndent) {
    labelsKey.length = 0;
    spaces(labelsKey, indent);
    labelsKey.append(LABELS);
    labelsKey.append(NEWLINE);
    labelsKeyIndent = indent;
  }
  out.insert(labelsKey.data, labelsKey.length);
}

function insertLabelLines(indent: i32): void {
  if (indent != labelLinesIndent) {
    labelLines.length = 0;
    for (let i = 0; i < labels.length; i++) {
      spaces(labelLines, indent);
      labelLines.append(labels[i].line);
      labelLines.append(NEWLINE);
    }
    labelLinesIndent = indent;
  }
  out.insert(labelLines.data, labelLines.length);
}

/** Whether the block's line `k` is its `labels:` key (or `labels: {}`), at the block's indent. */
function isLabelsLine(k: i32, indent: i32): bool {
  const start = unchecked(lineStarts[k]);
  const e = unchecked(lineEnds[k]);
  if (indentOf(start, e) != indent || unchecked(text[start + indent]) != 0x6c) return false; // `l`
  return isKeyLine(start, e, indent, LABELS) || startsWith(start + indent, e, EMPTY_LABELS);
}

const NOT_METADATA: i64 = -2;

/**
 * Labels the top-level `metadata:` block whose line starts at input offset `at`, held whole in the window.
 * Returns where the block ends (the output is done up to there, or up to a point before), or NOT_METADATA.
 */
function labelBlock(at: i64): i64 {
  let i = 0;
  let e = 0;
  while (true) {
    i = window.index(at);
    e = lineEnd(i);
    if (e >= 0) {
      if (!isKeyLine(i, e, 0, METADATA)) return NOT_METADATA;
      if (readBlock(nextLine(e))) break;
    }
    keep(at);
  }
  const indent = childIndent > 0 ? childIndent : 2;
  let k = 0;
  while (k < lineCount && !isLabelsLine(k, indent)) k++;
  if (k == lineCount) {
    // No labels: a new map right after `metadata:`.
    const body = nextLine(e);
    out.copyTo(window.offset(body));
    if (body == e) out.insert(NEWLINE); // `metadata:` ends the manifests
    insertLabelsKey(indent);
    insertLabelLines(indent * 2);
    return window.offset(blockEnd);
  }
  // The labels line is rewritten (`labels: {}` has no entries), then its entries follow, less those setting our
  // keys, then our labels, at the indent of the last entry.
  const labelsStart = unchecked(lineStarts[k]);
  const labelsEnd = unchecked(lineEnds[k]);
  out.copyTo(window.offset(labelsStart));
  insertLabelsKey(indent);
  let j = nextLine(labelsEnd); // the start of line k + 1
  out.skipTo(window.offset(j));
  let entryIndent = indent * 2;
  let unterminated = false; // the last line copied has no newline (it ends the manifests)
  const flowEmpty = startsWith(labelsStart + indent, labelsEnd, EMPTY_LABELS);
  for (k++; !flowEmpty && k < lineCount; k++) {
    const start = unchecked(lineStarts[k]);
    const end = unchecked(lineEnds[k]);
    const next = nextLine(end);
    const lineIndent = indentOf(start, end);
    if (lineIndent < end - start) {
      if (lineIndent <= indent) break;
      entryIndent = lineIndent;
      if (isReplaced(start, end, lineIndent)) {
        out.copyTo(window.offset(start));
        out.skipTo(window.offset(next));
        j = next;
        continue;
      }
    }
    unterminated = next == end;
    j = next;
  }
  out.copyTo(window.offset(j));
  if (unterminated) out.insert(NEWLINE);
  insertLabelLines(entryIndent);
  return window.offset(blockEnd);
}

/** Copies the manifests starting at input offset `start` to `out`, labelled; returns their closing quote's. */
function label(start: i64): i64 {
  window.seek(start);
  windowMoved();
  out.from = start;
  let i = 0; // a line start
  while (i >= 0) {
    if (unchecked(text[i]) == 0x6d) {
      // Maybe `metadata:`.
      const at = window.offset(i);
      const next = labelBlock(at);
      i = window.index(next != NOT_METADATA ? next : at);
      if (next != NOT_METADATA) continue;
    }
    i = nextLineStart(i);
  }
  out.copyTo(endAt);
  return endAt;
}

/** The top-level `metadata:` lines per byte of the manifests from `start`, in the window (for an estimate). */
function metadataPerByte(start: i64): f64 {
  window.byteAt(start);
  windowMoved();
  const from = window.index(start);
  let count = 0;
  let i = from;
  while (i < limit) {
    const e = lineEnd(i);
    if (e < 0) break;
    if (isKeyLine(i, e, 0, METADATA)) count++;
    if (endLength(e) == 0) break;
    i = nextLine(e);
  }
  return i > from ? <f64>count / <f64>(i - from) : 0;
}

/**
 * An estimate of the output's size, from the manifests' first window: generous, so that the output block rarely
 * has to move (OutputBlock), but not loose either: the host zeroes a block on its next call.
 */
function outputEstimate(size: i64, perByte: f64): i64 {
  let perBlock = 4 + LABELS.length + 2 * NEWLINE.length;
  for (let i = 0; i < labels.length; i++) perBlock += 8 + labels[i].line.length + NEWLINE.length;
  const blocks = <i64>Math.ceil(<f64>size * perByte * 1.25) + 4;
  return HEAD.length + TAIL.length + size + blocks * perBlock;
}

const HEAD = utf8('{"manifests":"');
const TAIL = utf8('"}');

/** Writes the output with the manifests at [start, …) labelled; false when its block cannot be allocated. */
function render(start: i64, estimate: i64): bool {
  const block = new OutputBlock(estimate);
  out = new Splice(block);
  block.append(HEAD);
  label(start);
  block.append(TAIL);
  return block.finish();
}

/** Sets `labels` from the post-renderer args, else from the config; false for an arg that is not key=value. */
function setLabels(args: Array<Uint8Array>): bool {
  labels = new Array<Label>();
  labelLinesIndent = -1;
  for (let i = 0; i < args.length; i++) {
    const l = parseLabel(args[i]);
    if (l === null) return false;
    labels.push(l);
  }
  if (labels.length == 0) {
    const fallback = Config.get('label');
    const l = fallback !== null ? parseLabel(utf8(fallback)) : null;
    if (l !== null) labels.push(l);
  }
  return true;
}

export function helm_plugin_main(): i32 {
  window = new InputWindow();
  // The members before the manifests, from the start.
  const front = new TopLevelMembers(window);
  let start: i64 = -1;
  let args: Array<Uint8Array> | null = null;
  while (front.next()) {
    if (front.keyIs('manifests')) {
      if (front.peek() == 0x22) start = front.at + 1;
      break;
    }
    if (front.keyIs('extraArgs')) args = front.stringArray();
  }
  if (start < 0) return fail('input has no "manifests" string');
  const perByte = metadataPerByte(start);

  // The members after them, from the end: `end` is the manifests' closing quote, unless other members are between.
  const back = new TrailingMembers(window);
  let end: i64 = -1;
  const argsInFront = args !== null;
  while (back.previous()) {
    if (back.keyIs('manifests')) {
      end = back.end;
      break;
    }
    if (back.keyIs('extraArgs') && !argsInFront) args = back.stringArray();
  }
  if (end < 0) end = back.unreadEnd;

  const ARGS_ERROR = '--post-renderer-args must be key=value labels';
  if (!setLabels(args !== null ? args : [])) return fail(ARGS_ERROR);
  const estimate = outputEstimate(end > start ? end - start : window.total - start, perByte);
  if (!render(start, estimate)) return fail('cannot allocate the output');
  if (endAt != end && args === null) {
    // Members the end did not reach: read them now; extraArgs there means rendering again.
    front.resume(endAt + 1);
    while (front.next()) {
      if (!front.keyIs('extraArgs')) continue;
      if (!setLabels(front.stringArray())) return fail(ARGS_ERROR);
      if (!render(start, estimate)) return fail('cannot allocate the output');
      break;
    }
  }
  return 0;
}
