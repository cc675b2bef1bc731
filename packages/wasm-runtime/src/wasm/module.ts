import { MalformedWasmError, WasmReader } from './reader.js';

/** Section ids of the Wasm binary format. */
export const SECTION = {
  custom: 0,
  type: 1,
  import: 2,
  function: 3,
  table: 4,
  memory: 5,
  global: 6,
  export: 7,
  start: 8,
  element: 9,
  code: 10,
  data: 11,
  dataCount: 12,
  tag: 13,
} as const;

/** External kinds of imports and exports. */
export const KIND = { func: 0, table: 1, memory: 2, global: 3, tag: 4 } as const;

export interface Section {
  id: number;
  /** Payload range (after the id and size). */
  start: number;
  end: number;
}

export interface FuncType {
  params: number[];
  results: number[];
}

export interface Import {
  module: string;
  name: string;
  kind: number;
  /** The type index of a function import. */
  typeIndex?: number;
}

export interface Export {
  name: string;
  kind: number;
  index: number;
}

export interface Limits {
  flags: number;
  min: number;
  max: number | undefined;
}

/** What the runtime needs to know of a module, read from its sections (no code is decoded). */
export interface ModuleInfo {
  sections: Section[];
  /** Function types by index; `undefined` for non-function (GC) types. */
  types: (FuncType | undefined)[];
  imports: Import[];
  importedFuncs: number;
  importedGlobals: number;
  importedMemories: number;
  /** The type index of each defined function. */
  funcTypes: number[];
  memories: Limits[];
  definedGlobals: number;
  exports: Export[];
}

const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** Splits a module into sections and reads its types, imports, functions, memories, globals and exports. */
export function readModule(bytes: Uint8Array): ModuleInfo {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new MalformedWasmError('not a Wasm module (bad magic)', 0);
  }
  if (bytes[4] !== 1 || bytes[5] !== 0 || bytes[6] !== 0 || bytes[7] !== 0) {
    throw new MalformedWasmError('unsupported Wasm version', 4);
  }
  const info: ModuleInfo = {
    sections: [],
    types: [],
    imports: [],
    importedFuncs: 0,
    importedGlobals: 0,
    importedMemories: 0,
    funcTypes: [],
    memories: [],
    definedGlobals: 0,
    exports: [],
  };
  const r = new WasmReader(bytes, 8);
  while (!r.done) {
    const id = r.byte();
    const size = r.u32();
    const start = r.pos;
    r.skip(size);
    const section: Section = { id, start, end: r.pos };
    info.sections.push(section);
    readSection(info, bytes, section);
  }
  return info;
}

function readSection(info: ModuleInfo, bytes: Uint8Array, section: Section): void {
  const r = new WasmReader(bytes, section.start, section.end);
  switch (section.id) {
    case SECTION.type: {
      for (let n = r.u32(); n > 0; n--) info.types.push(readType(r));
      return;
    }
    case SECTION.import: {
      for (let n = r.u32(); n > 0; n--) info.imports.push(readImport(info, r));
      return;
    }
    case SECTION.function: {
      for (let n = r.u32(); n > 0; n--) info.funcTypes.push(r.u32());
      return;
    }
    case SECTION.memory: {
      for (let n = r.u32(); n > 0; n--) info.memories.push(r.limits());
      return;
    }
    case SECTION.global: {
      info.definedGlobals = r.u32();
      return;
    }
    case SECTION.export: {
      for (let n = r.u32(); n > 0; n--) info.exports.push({ name: r.name(), kind: r.byte(), index: r.u32() });
      return;
    }
    default:
      return;
  }
}

function readType(r: WasmReader): FuncType | undefined {
  const form = r.byte();
  if (form !== 0x60) throw new MalformedWasmError(`unsupported type form 0x${form.toString(16)}`, r.pos - 1);
  const params: number[] = [];
  for (let n = r.u32(); n > 0; n--) params.push(readValType(r));
  const results: number[] = [];
  for (let n = r.u32(); n > 0; n--) results.push(readValType(r));
  return { params, results };
}

function readValType(r: WasmReader): number {
  const t = r.byte();
  // (ref ht) / (ref null ht) carry a heap type.
  if (t === 0x63 || t === 0x64) r.skipLeb(5);
  return t;
}

function readImport(info: ModuleInfo, r: WasmReader): Import {
  const module = r.name();
  const name = r.name();
  const kind = r.byte();
  switch (kind) {
    case KIND.func: {
      info.importedFuncs++;
      return { module, name, kind, typeIndex: r.u32() };
    }
    case KIND.table:
      readValType(r);
      r.limits();
      break;
    case KIND.memory:
      info.importedMemories++;
      r.limits();
      break;
    case KIND.global:
      info.importedGlobals++;
      readValType(r);
      r.byte();
      break;
    case KIND.tag:
      r.byte();
      r.u32();
      break;
    default:
      throw new MalformedWasmError(`unknown import kind ${kind}`, r.pos - 1);
  }
  return { module, name, kind };
}
