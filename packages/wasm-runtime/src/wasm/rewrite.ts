import { ByteSink } from './byte-sink.js';
import { findMemoryGrows, type InstructionSpan, UnknownOpcodeError } from './code-walk.js';
import { encodeName, encodeU32 } from './leb128.js';
import { type FuncType, KIND, type ModuleInfo, readModule, SECTION, type Section } from './module.js';
import { WasmReader } from './reader.js';

/** The WASI namespace guests import, and the one the rewrite moves it to (the runtime provides it there). */
export const WASI_MODULE = 'wasi_snapshot_preview1';
export const RENAMED_WASI_MODULE = 'helm:wasi';

/** Exports the rewrite adds or renames. */
export const HELM_EXPORTS = {
  /** Calls the entry function and records its i32 result in `rc` (0 when it returns nothing). */
  entry: '__helm_entry',
  /** i32 global: the entry function's return code. */
  rc: '__helm_rc',
  /** i32 global: 1 once a `memory.grow` of the guest failed. */
  growFailed: '__helm_grow_failed',
  /** `_initialize`, renamed so Extism does not run it before the runtime has wired WASI to the memory. */
  initialize: '__helm_initialize',
  /** `_start`, renamed so Extism does not run it at instantiation (Extism plugins are reactors). */
  start: '__helm_start',
  /**
   * The function of the module's start section, which the rewrite removes: the runtime runs it once WASI is wired
   * and under the call's limits (a start section would run inside instantiation, before either).
   */
  startSection: '__helm_start_section',
} as const;

export interface RewriteOptions {
  /** The most 64 KiB pages the guest's own memory may have. */
  maxPages: number;
  /** The export to call. */
  entryFuncName: string;
}

/** Why a module cannot be used; the runtime turns these into coded errors. */
export class ModuleRejection extends Error {
  constructor(
    readonly reason: 'no-entry' | 'entry-signature' | 'memory-import' | 'memory-min' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'ModuleRejection';
  }
}

export interface RewrittenModule {
  bytes: Uint8Array;
  /** The module imports WASI (now under RENAMED_WASI_MODULE). */
  wasi: boolean;
  /** Every `memory.grow` goes through a hook that records failures in `__helm_grow_failed`. */
  growHook: boolean;
  /** The module had `_initialize` (exported as `__helm_initialize`). */
  initialize: boolean;
  /** The module had a start section (its function exported as `__helm_start_section`). */
  startSection: boolean;
  /** The guest memory's limits after the rewrite, in pages (undefined when it has no memory). */
  memory: { min: number; max: number } | undefined;
  /** Imports of the original module (WASI under its original name). */
  imports: { module: string; name: string; kind: number }[];
}

const I32 = 0x7f;

/** Where each section goes among the known ones (custom sections stay where they are). */
const ORDER: Readonly<Record<number, number>> = {
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  13: 6,
  6: 7,
  7: 8,
  8: 9,
  9: 10,
  12: 11,
  10: 12,
  11: 13,
};

/**
 * Prepares a plugin module for the runtime, keeping every index of the original: caps the guest's memory at
 * `maxPages` (the declared maximum is what `memory.grow` obeys), moves WASI imports to a namespace the runtime
 * serves itself, renames `_initialize`/`_start` and exports the start section's function instead of keeping the
 * section, so each runs only when the runtime says, routes each
 * `memory.grow` through a hook that flags failures, and adds an entry wrapper that keeps the return code.
 * New types, functions and globals are appended, so no existing index moves.
 */
export function rewritePluginModule(bytes: Uint8Array, options: RewriteOptions): RewrittenModule {
  const info = readModule(bytes);
  const entry = info.exports.find((e) => e.name === options.entryFuncName);
  if (entry === undefined || entry.kind !== KIND.func) {
    throw new ModuleRejection(
      'no-entry',
      `the module exports no function ${JSON.stringify(options.entryFuncName)} (runtimeConfig.entryFuncName)`,
    );
  }
  const entryType = funcType(info, entry.index);
  if (
    entryType === undefined ||
    entryType.params.length !== 0 ||
    entryType.results.length > 1 ||
    (entryType.results.length === 1 && entryType.results[0] !== I32)
  ) {
    throw new ModuleRejection(
      'entry-signature',
      `the entry function ${JSON.stringify(options.entryFuncName)} must take no parameters and return an i32 or nothing`,
    );
  }
  if (info.importedMemories > 0) {
    throw new ModuleRejection('memory-import', 'the module imports its memory; an Extism plugin defines its own');
  }
  const memory = info.memories[0];
  if (memory !== undefined && memory.min > options.maxPages) {
    throw new ModuleRejection(
      'memory-min',
      `the module starts with ${memory.min} memory pages, above the limit of ${options.maxPages}`,
    );
  }

  const code = info.sections.find((s) => s.id === SECTION.code);
  const grows = memory === undefined ? undefined : findAllGrows(bytes, code);
  const growHook = grows !== undefined;

  const baseFunc = info.importedFuncs + info.funcTypes.length;
  const baseType = info.types.length;
  const baseGlobal = info.importedGlobals + info.definedGlobals;
  const hookFunc = baseFunc;
  const entryFunc = growHook ? baseFunc + 1 : baseFunc;
  const rcGlobal = baseGlobal;
  const failedGlobal = baseGlobal + 1;
  const hookType = baseType;
  const entryWrapperType = baseType + 1;

  /** New payloads of existing sections; null removes the section. */
  const replacements = new Map<number, Uint8Array | null>();
  const additions = new Map<number, Uint8Array>();
  const put = (id: number, payload: Uint8Array) => {
    const existing = info.sections.find((s) => s.id === id);
    if (existing === undefined) additions.set(id, payload);
    else replacements.set(id, payload);
  };

  put(
    SECTION.type,
    appendToVec(bytes, sectionOf(info, SECTION.type), 2, [
      ...[0x60, 1, I32, 1, I32], // (i32) -> i32: the grow hook
      ...[0x60, 0, 1, I32], // () -> i32: the entry wrapper
    ]),
  );
  put(
    SECTION.function,
    appendToVec(bytes, sectionOf(info, SECTION.function), growHook ? 2 : 1, [
      ...(growHook ? encodeU32(hookType) : []),
      ...encodeU32(entryWrapperType),
    ]),
  );
  put(
    SECTION.global,
    appendToVec(bytes, sectionOf(info, SECTION.global), 2, [
      ...[I32, 0x01, 0x41, 0x00, 0x0b],
      ...[I32, 0x01, 0x41, 0x00, 0x0b],
    ]),
  );
  const imports = sectionOf(info, SECTION.import);
  if (imports !== undefined && info.imports.some((i) => i.module === WASI_MODULE)) {
    replacements.set(SECTION.import, renameWasiImports(bytes, imports));
  }
  let cappedMemory: RewrittenModule['memory'];
  if (memory !== undefined) {
    const max = Math.min(memory.max ?? Number.POSITIVE_INFINITY, options.maxPages);
    cappedMemory = { min: memory.min, max };
    replacements.set(SECTION.memory, capFirstMemory(bytes, sectionOf(info, SECTION.memory)!, max));
  }
  const start = sectionOf(info, SECTION.start);
  const startFunc = start === undefined ? undefined : new WasmReader(bytes, start.start, start.end).u32();
  if (start !== undefined) replacements.set(SECTION.start, null);
  put(
    SECTION.export,
    rewriteExports(info, sectionOf(info, SECTION.export), {
      entryFunc,
      rcGlobal,
      failedGlobal: growHook ? failedGlobal : undefined,
      startFunc,
    }),
  );
  const newBodies: number[][] = [];
  if (growHook) newBodies.push(growHookBody(failedGlobal));
  newBodies.push(entryWrapperBody(entry.index, entryType.results.length === 1, rcGlobal));
  put(SECTION.code, rewriteCode(bytes, code, grows, hookFunc, newBodies));

  return {
    bytes: assemble(bytes, info.sections, replacements, additions),
    wasi: info.imports.some((i) => i.module === WASI_MODULE),
    growHook,
    initialize: info.exports.some((e) => e.name === '_initialize' && e.kind === KIND.func),
    startSection: startFunc !== undefined,
    memory: cappedMemory,
    imports: info.imports.map(({ module, name, kind }) => ({ module, name, kind })),
  };
}

function sectionOf(info: ModuleInfo, id: number): Section | undefined {
  return info.sections.find((s) => s.id === id);
}

function funcType(info: ModuleInfo, index: number): FuncType | undefined {
  if (index < info.importedFuncs) {
    const typeIndex = info.imports.filter((i) => i.kind === KIND.func)[index]?.typeIndex;
    return typeIndex === undefined ? undefined : info.types[typeIndex];
  }
  const typeIndex = info.funcTypes[index - info.importedFuncs];
  return typeIndex === undefined ? undefined : info.types[typeIndex];
}

/** A vec section with `count` more entries appended (a new one when absent). */
function appendToVec(bytes: Uint8Array, section: Section | undefined, count: number, entries: number[]): Uint8Array {
  const sink = new ByteSink();
  if (section === undefined) return sink.bytes(encodeU32(count)).bytes(entries).result();
  const r = new WasmReader(bytes, section.start, section.end);
  const existing = r.u32();
  return sink
    .bytes(encodeU32(existing + count))
    .bytes(bytes.subarray(r.pos, section.end))
    .bytes(entries)
    .result();
}

function renameWasiImports(bytes: Uint8Array, section: Section): Uint8Array {
  const r = new WasmReader(bytes, section.start, section.end);
  const sink = new ByteSink();
  const count = r.u32();
  sink.bytes(encodeU32(count));
  for (let i = 0; i < count; i++) {
    const module = r.name();
    sink.bytes(encodeName(module === WASI_MODULE ? RENAMED_WASI_MODULE : module));
    const rest = r.pos;
    r.name();
    skipImportDesc(r);
    sink.bytes(bytes.subarray(rest, r.pos));
  }
  return sink.result();
}

function skipImportDesc(r: WasmReader): void {
  const kind = r.byte();
  switch (kind) {
    case KIND.func:
      r.u32();
      return;
    case KIND.table: {
      const t = r.byte();
      if (t === 0x63 || t === 0x64) r.skipLeb(5);
      r.limits();
      return;
    }
    case KIND.memory:
      r.limits();
      return;
    case KIND.global: {
      const t = r.byte();
      if (t === 0x63 || t === 0x64) r.skipLeb(5);
      r.byte();
      return;
    }
    default:
      r.byte();
      r.u32();
  }
}

function capFirstMemory(bytes: Uint8Array, section: Section, max: number): Uint8Array {
  const r = new WasmReader(bytes, section.start, section.end);
  const count = r.u32();
  const first = r.limits();
  return new ByteSink()
    .bytes(encodeU32(count))
    .bytes([first.flags | 0x01, ...encodeU32(first.min), ...encodeU32(max)])
    .bytes(bytes.subarray(r.pos, section.end))
    .result();
}

function rewriteExports(
  info: ModuleInfo,
  section: Section | undefined,
  added: { entryFunc: number; rcGlobal: number; failedGlobal: number | undefined; startFunc: number | undefined },
): Uint8Array {
  const renamed: Readonly<Record<string, string>> = {
    _initialize: HELM_EXPORTS.initialize,
    _start: HELM_EXPORTS.start,
  };
  const sink = new ByteSink();
  const extra: [string, number, number][] = [
    [HELM_EXPORTS.entry, KIND.func, added.entryFunc],
    [HELM_EXPORTS.rc, KIND.global, added.rcGlobal],
  ];
  if (added.failedGlobal !== undefined) extra.push([HELM_EXPORTS.growFailed, KIND.global, added.failedGlobal]);
  if (added.startFunc !== undefined) extra.push([HELM_EXPORTS.startSection, KIND.func, added.startFunc]);
  const kept = section === undefined ? [] : info.exports;
  sink.bytes(encodeU32(kept.length + extra.length));
  for (const e of kept) {
    const name = e.kind === KIND.func && Object.hasOwn(renamed, e.name) ? (renamed[e.name] as string) : e.name;
    sink.bytes(encodeName(name)).bytes([e.kind, ...encodeU32(e.index)]);
  }
  for (const [name, kind, index] of extra) sink.bytes(encodeName(name)).bytes([kind, ...encodeU32(index)]);
  return sink.result();
}

/** The `memory.grow` spans of every body, or undefined when a body uses an opcode the walker does not know. */
function findAllGrows(bytes: Uint8Array, code: Section | undefined): InstructionSpan[][] | undefined {
  if (code === undefined) return [];
  const r = new WasmReader(bytes, code.start, code.end);
  const result: InstructionSpan[][] = [];
  try {
    for (let n = r.u32(); n > 0; n--) {
      const size = r.u32();
      result.push(findMemoryGrows(bytes, r.pos, r.pos + size));
      r.skip(size);
    }
  } catch (err) {
    if (err instanceof UnknownOpcodeError) return undefined;
    throw err;
  }
  return result;
}

function rewriteCode(
  bytes: Uint8Array,
  code: Section | undefined,
  grows: InstructionSpan[][] | undefined,
  hookFunc: number,
  newBodies: number[][],
): Uint8Array {
  const sink = new ByteSink(code === undefined ? 64 : code.end - code.start + 1024);
  if (code === undefined) {
    sink.bytes(encodeU32(newBodies.length));
  } else {
    const r = new WasmReader(bytes, code.start, code.end);
    const count = r.u32();
    sink.bytes(encodeU32(count + newBodies.length));
    const call = [0x10, ...encodeU32(hookFunc)];
    for (let i = 0; i < count; i++) {
      const size = r.u32();
      const start = r.pos;
      const end = start + size;
      r.skip(size);
      const spans = grows?.[i] ?? [];
      if (spans.length === 0) {
        sink.bytes(encodeU32(size)).bytes(bytes.subarray(start, end));
        continue;
      }
      const newSize = spans.reduce((n, s) => n - (s.end - s.start) + call.length, size);
      sink.bytes(encodeU32(newSize));
      let at = start;
      for (const span of spans) {
        sink.bytes(bytes.subarray(at, span.start)).bytes(call);
        at = span.end;
      }
      sink.bytes(bytes.subarray(at, end));
    }
  }
  for (const body of newBodies) sink.bytes(encodeU32(body.length)).bytes(body);
  return sink.result();
}

/** `(func (param $delta i32) (result i32) (local $r i32) memory.grow; on -1 set $failed)`. */
function growHookBody(failedGlobal: number): number[] {
  return [
    ...[1, 1, I32], // one local of type i32
    ...[0x20, 0x00], // local.get 0
    ...[0x40, 0x00], // memory.grow 0
    ...[0x22, 0x01], // local.tee 1
    ...[0x41, 0x7f], // i32.const -1
    0x46, // i32.eq
    ...[0x04, 0x40], // if
    ...[0x41, 0x01], // i32.const 1
    ...[0x24, ...encodeU32(failedGlobal)], // global.set $failed
    0x0b, // end
    ...[0x20, 0x01], // local.get 1
    0x0b,
  ];
}

/** `(func (result i32) call $entry [i32.const 0] global.set $rc global.get $rc)`. */
function entryWrapperBody(entryFunc: number, returnsI32: boolean, rcGlobal: number): number[] {
  return [
    0x00, // no locals
    ...[0x10, ...encodeU32(entryFunc)],
    ...(returnsI32 ? [] : [0x41, 0x00]),
    ...[0x24, ...encodeU32(rcGlobal)],
    ...[0x23, ...encodeU32(rcGlobal)],
    0x0b,
  ];
}

function assemble(
  bytes: Uint8Array,
  sections: Section[],
  replacements: Map<number, Uint8Array | null>,
  additions: Map<number, Uint8Array>,
): Uint8Array {
  const sink = new ByteSink(bytes.length + 4096);
  sink.bytes(bytes.subarray(0, 8));
  const pending = [...additions.entries()].sort((a, b) => (ORDER[a[0]] ?? 0) - (ORDER[b[0]] ?? 0));
  const emit = (id: number, payload: Uint8Array) => {
    sink.bytes([id, ...encodeU32(payload.length)]).bytes(payload);
  };
  const flushBefore = (rank: number) => {
    while (pending.length > 0 && (ORDER[pending[0]![0]] ?? 0) < rank) {
      const [id, payload] = pending.shift()!;
      emit(id, payload);
    }
  };
  for (const s of sections) {
    if (s.id !== SECTION.custom) flushBefore(ORDER[s.id] ?? 0);
    const replacement = s.id === SECTION.custom ? undefined : replacements.get(s.id);
    if (replacement === null) continue;
    if (replacement !== undefined) emit(s.id, replacement);
    else emit(s.id, bytes.subarray(s.start, s.end));
  }
  flushBefore(Number.POSITIVE_INFINITY);
  return sink.result();
}
