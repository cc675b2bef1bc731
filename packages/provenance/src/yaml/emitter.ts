/*
 * A port of the part of go-yaml v2's emitter (emitterc.go, itself a port of libyaml) that
 * `sigs.k8s.io/yaml.Marshal` exercises: one implicit document of block mappings and sequences, empty
 * collections in flow style, and untagged scalars. It works on UTF-8 bytes and counts columns in characters,
 * exactly as the Go code does, so line folding at 80 columns and quoting decisions come out byte-identical.
 * Anchors, aliases, tags, directives and canonical mode are never produced by that path and are left out.
 */

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export type YamlEvent =
  | { type: 'scalar'; value: Uint8Array; style: ScalarStyle }
  | { type: 'sequence-start' }
  | { type: 'sequence-end' }
  | { type: 'mapping-start' }
  | { type: 'mapping-end' };

type Internal =
  | YamlEvent
  | { type: 'stream-start' }
  | { type: 'stream-end' }
  | { type: 'document-start' }
  | { type: 'document-end' };

type State =
  | 'stream-start'
  | 'first-document-start'
  | 'document-start'
  | 'document-content'
  | 'document-end'
  | 'flow-sequence-first-item'
  | 'flow-sequence-item'
  | 'flow-mapping-first-key'
  | 'flow-mapping-key'
  | 'flow-mapping-simple-value'
  | 'flow-mapping-value'
  | 'block-sequence-first-item'
  | 'block-sequence-item'
  | 'block-mapping-first-key'
  | 'block-mapping-key'
  | 'block-mapping-simple-value'
  | 'block-mapping-value'
  | 'end';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

// Character classes of yamlprivateh.go, on UTF-8 bytes. Out-of-range reads give undefined (false), where Go
// would not reach them.
const width = (b: number | undefined): number => {
  if (b === undefined) return 1;
  if ((b & 0x80) === 0) return 1;
  if ((b & 0xe0) === 0xc0) return 2;
  if ((b & 0xf0) === 0xe0) return 3;
  if ((b & 0xf8) === 0xf0) return 4;
  return 0;
};
const isSpace = (s: Uint8Array, i: number) => s[i] === 0x20;
const isBlank = (s: Uint8Array, i: number) => s[i] === 0x20 || s[i] === 0x09;
const isBreak = (s: Uint8Array, i: number) =>
  s[i] === 0x0d ||
  s[i] === 0x0a ||
  (s[i] === 0xc2 && s[i + 1] === 0x85) ||
  (s[i] === 0xe2 && s[i + 1] === 0x80 && s[i + 2] === 0xa8) ||
  (s[i] === 0xe2 && s[i + 1] === 0x80 && s[i + 2] === 0xa9);
const isBlankz = (s: Uint8Array, i: number) => isBlank(s, i) || isBreak(s, i) || s[i] === 0x00;
/** Go checks the BOM at the start of the value, whatever `i` is (a quirk kept on purpose). */
const isBom = (s: Uint8Array) => s[0] === 0xef && s[1] === 0xbb && s[2] === 0xbf;
function isPrintable(s: Uint8Array, i: number): boolean {
  const b = s[i] ?? 0;
  const b1 = s[i + 1] ?? 0;
  const b2 = s[i + 2] ?? 0;
  return (
    b === 0x0a ||
    (b >= 0x20 && b <= 0x7e) ||
    (b === 0xc2 && b1 >= 0xa0) ||
    (b > 0xc2 && b < 0xed) ||
    (b === 0xed && b1 < 0xa0) ||
    b === 0xee ||
    (b === 0xef && !(b1 === 0xbb && b2 === 0xbf) && !(b1 === 0xbf && (b2 === 0xbe || b2 === 0xbf)))
  );
}

interface ScalarAnalysis {
  value: Uint8Array;
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
  style: ScalarStyle;
}

class Emitter {
  readonly out: number[] = [];
  private readonly events: Internal[];
  private head = 0;
  private state: State = 'stream-start';
  private readonly states: State[] = [];
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private mappingContext = false;
  private simpleKeyContext = false;
  private column = 0;
  private whitespace = true;
  private indention = true;
  private scalar: ScalarAnalysis = emptyAnalysis();

  constructor(events: Internal[]) {
    this.events = events;
  }

  run(): void {
    for (this.head = 0; this.head < this.events.length; this.head++) {
      const event = this.events[this.head]!;
      this.scalar = event.type === 'scalar' ? analyzeScalar(event.value) : emptyAnalysis();
      this.dispatch(event);
    }
  }

  // --- output primitives (put, put_break, write, write_break) ---

  private put(b: number): void {
    this.out.push(b);
    this.column++;
  }

  private putBreak(): void {
    this.out.push(0x0a);
    this.column = 0;
  }

  /** Copies one character of `s` at `i`; returns the index after it. */
  private write(s: Uint8Array, i: number): number {
    const w = width(s[i]);
    for (let k = 0; k < w; k++) this.out.push(s[i + k]!);
    this.column++;
    return i + w;
  }

  private writeAll(s: Uint8Array): void {
    for (let i = 0; i < s.length; ) i = this.write(s, i);
  }

  private writeBreak(s: Uint8Array, i: number): number {
    if (s[i] === 0x0a) {
      this.putBreak();
      return i + 1;
    }
    const next = this.write(s, i);
    this.column = 0;
    return next;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(0x20);
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean) {
    if (needWhitespace && !this.whitespace) this.put(0x20);
    this.writeAll(new TextEncoder().encode(indicator));
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      this.indent += BEST_INDENT;
    }
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private popState(): void {
    this.state = this.states.pop()!;
  }

  // --- state machine ---

  private dispatch(event: Internal): void {
    switch (this.state) {
      case 'stream-start':
        this.expect(event, 'stream-start');
        this.indent = -1;
        this.column = 0;
        this.whitespace = true;
        this.indention = true;
        this.state = 'first-document-start';
        return;
      case 'first-document-start':
      case 'document-start':
        this.emitDocumentStart(event);
        return;
      case 'document-content':
        this.states.push('document-end');
        this.emitNode(event, false, false);
        return;
      case 'document-end':
        this.expect(event, 'document-end');
        this.writeIndent();
        this.state = 'document-start';
        return;
      case 'flow-sequence-first-item':
        this.emitFlowSequenceItem(event, true);
        return;
      case 'flow-sequence-item':
        this.emitFlowSequenceItem(event, false);
        return;
      case 'flow-mapping-first-key':
        this.emitFlowMappingKey(event, true);
        return;
      case 'flow-mapping-key':
        this.emitFlowMappingKey(event, false);
        return;
      case 'flow-mapping-simple-value':
        this.emitFlowMappingValue(event, true);
        return;
      case 'flow-mapping-value':
        this.emitFlowMappingValue(event, false);
        return;
      case 'block-sequence-first-item':
        this.emitBlockSequenceItem(event, true);
        return;
      case 'block-sequence-item':
        this.emitBlockSequenceItem(event, false);
        return;
      case 'block-mapping-first-key':
        this.emitBlockMappingKey(event, true);
        return;
      case 'block-mapping-key':
        this.emitBlockMappingKey(event, false);
        return;
      case 'block-mapping-simple-value':
        this.emitBlockMappingValue(event, true);
        return;
      case 'block-mapping-value':
        this.emitBlockMappingValue(event, false);
        return;
      case 'end':
        throw new Error('expected nothing after STREAM-END');
    }
  }

  private expect(event: Internal, type: Internal['type']): void {
    if (event.type !== type) throw new Error(`expected ${type}, got ${event.type}`);
  }

  private emitDocumentStart(event: Internal): void {
    if (event.type === 'document-start') {
      // An implicit first document: no `---`. (A later document would get one; Marshal writes only one.)
      if (this.state !== 'first-document-start') {
        this.writeIndent();
        this.writeIndicator('---', true, false, false);
      }
      this.state = 'document-content';
      return;
    }
    if (event.type === 'stream-end') {
      // yaml.v2's encoder clears open_ended before STREAM-END, so no `...` is ever written here.
      this.state = 'end';
      return;
    }
    throw new Error('expected DOCUMENT-START or STREAM-END');
  }

  private emitFlowSequenceItem(event: Internal, first: boolean): void {
    if (first) {
      this.writeIndicator('[', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (event.type === 'sequence-end') {
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator(']', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.column > BEST_WIDTH) this.writeIndent();
    this.states.push('flow-sequence-item');
    this.emitNode(event, false, false);
  }

  private emitFlowMappingKey(event: Internal, first: boolean): void {
    if (first) {
      this.writeIndicator('{', true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
    }
    if (event.type === 'mapping-end') {
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator('}', false, false, false);
      this.popState();
      return;
    }
    if (!first) this.writeIndicator(',', false, false, false);
    if (this.column > BEST_WIDTH) this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push('flow-mapping-simple-value');
      this.emitNode(event, true, true);
      return;
    }
    this.writeIndicator('?', true, false, false);
    this.states.push('flow-mapping-value');
    this.emitNode(event, true, false);
  }

  private emitFlowMappingValue(event: Internal, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      if (this.column > BEST_WIDTH) this.writeIndent();
      this.writeIndicator(':', true, false, false);
    }
    this.states.push('flow-mapping-key');
    this.emitNode(event, true, false);
  }

  private emitBlockSequenceItem(event: Internal, first: boolean): void {
    if (first) this.increaseIndent(false, this.mappingContext && !this.indention);
    if (event.type === 'sequence-end') {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    this.writeIndicator('-', true, false, true);
    this.states.push('block-sequence-item');
    this.emitNode(event, false, false);
  }

  private emitBlockMappingKey(event: Internal, first: boolean): void {
    if (first) this.increaseIndent(false, false);
    if (event.type === 'mapping-end') {
      this.popIndent();
      this.popState();
      return;
    }
    this.writeIndent();
    if (this.checkSimpleKey()) {
      this.states.push('block-mapping-simple-value');
      this.emitNode(event, true, true);
      return;
    }
    this.writeIndicator('?', true, false, true);
    this.states.push('block-mapping-value');
    this.emitNode(event, true, false);
  }

  private emitBlockMappingValue(event: Internal, simple: boolean): void {
    if (simple) {
      this.writeIndicator(':', false, false, false);
    } else {
      this.writeIndent();
      this.writeIndicator(':', true, false, true);
    }
    this.states.push('block-mapping-key');
    this.emitNode(event, true, false);
  }

  /** yaml_emitter_emit_node; the root and sequence contexts only matter for what Marshal never emits. */
  private emitNode(event: Internal, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    switch (event.type) {
      case 'scalar':
        this.selectScalarStyle(event.style);
        this.increaseIndent(true, false);
        this.processScalar();
        this.popIndent();
        this.popState();
        return;
      case 'sequence-start':
        this.state =
          this.flowLevel > 0 || this.checkEmpty('sequence-start', 'sequence-end')
            ? 'flow-sequence-first-item'
            : 'block-sequence-first-item';
        return;
      case 'mapping-start':
        this.state =
          this.flowLevel > 0 || this.checkEmpty('mapping-start', 'mapping-end')
            ? 'flow-mapping-first-key'
            : 'block-mapping-first-key';
        return;
      default:
        throw new Error(`expected SCALAR, SEQUENCE-START or MAPPING-START, got ${event.type}`);
    }
  }

  private checkEmpty(start: Internal['type'], end: Internal['type']): boolean {
    return this.events[this.head]?.type === start && this.events[this.head + 1]?.type === end;
  }

  private checkSimpleKey(): boolean {
    const event = this.events[this.head]!;
    switch (event.type) {
      case 'scalar':
        if (this.scalar.multiline) return false;
        return this.scalar.value.length <= 128;
      case 'sequence-start':
        return this.checkEmpty('sequence-start', 'sequence-end');
      case 'mapping-start':
        return this.checkEmpty('mapping-start', 'mapping-end');
      default:
        return false;
    }
  }

  private selectScalarStyle(requested: ScalarStyle): void {
    const s = this.scalar;
    let style = requested;
    if (this.simpleKeyContext && s.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !s.flowPlainAllowed) || (this.flowLevel === 0 && !s.blockPlainAllowed)) {
        style = 'single';
      }
      if (s.value.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = 'single';
    }
    if (style === 'single' && !s.singleQuotedAllowed) style = 'double';
    if (
      (style === 'literal' || style === 'folded') &&
      (!s.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)
    ) {
      style = 'double';
    }
    s.style = style;
  }

  private processScalar(): void {
    const { value, style } = this.scalar;
    const allowBreaks = !this.simpleKeyContext;
    switch (style) {
      case 'plain':
        this.writePlain(value, allowBreaks);
        return;
      case 'single':
        this.writeSingleQuoted(value, allowBreaks);
        return;
      case 'double':
        this.writeDoubleQuoted(value, allowBreaks);
        return;
      case 'literal':
        this.writeLiteral(value);
        return;
      case 'folded':
        this.writeFolded(value);
        return;
    }
  }

  // --- scalar writers ---

  private writePlain(value: Uint8Array, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(0x20);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length; ) {
      if (isSpace(value, i)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(value, i + 1)) {
          this.writeIndent();
          i += width(value[i]);
        } else {
          i = this.write(value, i);
        }
        spaces = true;
      } else if (isBreak(value, i)) {
        if (!breaks && value[i] === 0x0a) this.putBreak();
        i = this.writeBreak(value, i);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        i = this.write(value, i);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(value: Uint8Array, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length; ) {
      if (isSpace(value, i)) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > BEST_WIDTH &&
          i > 0 &&
          i < value.length - 1 &&
          !isSpace(value, i + 1)
        ) {
          this.writeIndent();
          i += width(value[i]);
        } else {
          i = this.write(value, i);
        }
        spaces = true;
      } else if (isBreak(value, i)) {
        if (!breaks && value[i] === 0x0a) this.putBreak();
        i = this.writeBreak(value, i);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (value[i] === 0x27) this.put(0x27);
        i = this.write(value, i);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: Uint8Array, allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    for (let i = 0; i < value.length; ) {
      const octet = value[i]!;
      if (!isPrintable(value, i) || isBom(value) || isBreak(value, i) || octet === 0x22 || octet === 0x5c) {
        let w = width(octet);
        let v = w === 1 ? octet & 0x7f : w === 2 ? octet & 0x1f : w === 3 ? octet & 0x0f : octet & 0x07;
        for (let k = 1; k < w; k++) v = (v << 6) + ((value[i + k] ?? 0) & 0x3f);
        i += w;
        this.put(0x5c);
        const simple = DOUBLE_QUOTED_ESCAPES.get(v);
        if (simple !== undefined) {
          this.put(simple.charCodeAt(0));
        } else {
          let letter: string;
          if (v <= 0xff) {
            letter = 'x';
            w = 2;
          } else if (v <= 0xffff) {
            letter = 'u';
            w = 4;
          } else {
            letter = 'U';
            w = 8;
          }
          this.put(letter.charCodeAt(0));
          for (let k = (w - 1) * 4; k >= 0; k -= 4) {
            const digit = (v >> k) & 0x0f;
            this.put(digit < 10 ? digit + 0x30 : digit + 0x41 - 10);
          }
        }
        spaces = false;
      } else if (isSpace(value, i)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < value.length - 1) {
          this.writeIndent();
          if (isSpace(value, i + 1)) this.put(0x5c);
          i += width(value[i]);
        } else {
          i = this.write(value, i);
        }
        spaces = true;
      } else {
        i = this.write(value, i);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeBlockScalarHints(value: Uint8Array): void {
    if (isSpace(value, 0) || isBreak(value, 0)) {
      this.writeIndicator(String(BEST_INDENT), false, false, false);
    }
    let chomp = '';
    if (value.length === 0) {
      chomp = '-';
    } else {
      let i = value.length - 1;
      while (((value[i] ?? 0) & 0xc0) === 0x80) i--;
      if (!isBreak(value, i)) {
        chomp = '-';
      } else if (i === 0) {
        chomp = '+';
      } else {
        i--;
        while (((value[i] ?? 0) & 0xc0) === 0x80) i--;
        if (isBreak(value, i)) {
          chomp = '+';
        }
      }
    }
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
  }

  private writeLiteral(value: Uint8Array): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(value);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < value.length; ) {
      if (isBreak(value, i)) {
        i = this.writeBreak(value, i);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        i = this.write(value, i);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeFolded(value: Uint8Array): void {
    this.writeIndicator('>', true, false, false);
    this.writeBlockScalarHints(value);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    let leadingSpaces = true;
    for (let i = 0; i < value.length; ) {
      if (isBreak(value, i)) {
        if (!breaks && !leadingSpaces && value[i] === 0x0a) {
          // Go scans from 0 here (not from i), a libyaml-port quirk kept on purpose.
          let k = 0;
          while (isBreak(value, k)) k += width(value[k]);
          if (!isBlankz(value, k)) this.putBreak();
        }
        i = this.writeBreak(value, i);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          leadingSpaces = isBlank(value, i);
        }
        if (!breaks && isSpace(value, i) && !isSpace(value, i + 1) && this.column > BEST_WIDTH) {
          this.writeIndent();
          i += width(value[i]);
        } else {
          i = this.write(value, i);
        }
        this.indention = false;
        breaks = false;
      }
    }
  }
}

const DOUBLE_QUOTED_ESCAPES = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

function emptyAnalysis(): ScalarAnalysis {
  return {
    value: new Uint8Array(0),
    multiline: false,
    flowPlainAllowed: false,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: false,
    style: 'plain',
  };
}

/** yaml_emitter_analyze_scalar: which styles can represent `value`. */
export function analyzeScalar(value: Uint8Array): ScalarAnalysis {
  if (value.length === 0) return { ...emptyAnalysis(), value };

  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (
    value.length >= 3 &&
    ((value[0] === 0x2d && value[1] === 0x2d && value[2] === 0x2d) ||
      (value[0] === 0x2e && value[1] === 0x2e && value[2] === 0x2e))
  ) {
    blockIndicators = true;
    flowIndicators = true;
  }

  let precededByWhitespace = true;
  for (let i = 0, w = 0; i < value.length; i += w) {
    w = width(value[i]);
    const followedByWhitespace = i + w >= value.length || isBlank(value, i + w);
    const c = String.fromCharCode(value[i]!);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (c === '?' || c === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (c === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (',?[]{}'.includes(c)) {
      flowIndicators = true;
    } else if (c === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }

    // The emitter is in unicode mode, so non-ASCII printable characters are fine.
    if (!isPrintable(value, i)) specialCharacters = true;
    if (isSpace(value, i)) {
      if (i === 0) leadingSpace = true;
      if (i + w === value.length) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(value, i)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i + w === value.length) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(value, i);
  }

  const a: ScalarAnalysis = {
    value,
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
    style: 'plain',
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

/**
 * Emits one implicit YAML document made of `events` (the node events only) as go-yaml v2 does, with its
 * defaults: indent 2, width 80, unicode, `\n` line breaks. The result ends with a newline.
 */
export function emitDocument(events: readonly YamlEvent[]): string {
  const emitter = new Emitter([
    { type: 'stream-start' },
    { type: 'document-start' },
    ...events,
    { type: 'document-end' },
    { type: 'stream-end' },
  ]);
  emitter.run();
  return new TextDecoder().decode(Uint8Array.from(emitter.out));
}
