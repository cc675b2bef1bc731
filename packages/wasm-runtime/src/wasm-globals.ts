/*
 * The WebAssembly JS API, which Node has but neither lib ES2023 nor @types/node 20 declares (it lives in the DOM
 * lib). Only what this package uses. Imported for its types by index.ts (`import type {}`), so any program that
 * includes this package's sources sees it.
 */
declare global {
  namespace WebAssembly {
    type Bytes = ArrayBuffer | ArrayBufferView;
    class Module {
      constructor(bytes: Bytes);
      static imports(module: Module): ModuleImportDescriptor[];
      static exports(module: Module): ModuleExportDescriptor[];
    }
    class Instance {
      constructor(module: Module, imports?: Imports);
      readonly exports: Exports;
    }
    class Memory {
      constructor(descriptor: { initial: number; maximum?: number; shared?: boolean });
      readonly buffer: ArrayBuffer;
      grow(delta: number): number;
    }
    class Global {
      constructor(descriptor: { value: string; mutable?: boolean }, value?: unknown);
      value: unknown;
    }
    class Table {
      readonly length: number;
    }
    class CompileError extends Error {}
    class LinkError extends Error {}
    class RuntimeError extends Error {}
    type ExportValue = ((...args: never[]) => unknown) | Global | Memory | Table;
    type Exports = Record<string, ExportValue>;
    type ImportValue = ((...args: never[]) => unknown) | Global | Memory | Table | number | bigint;
    type Imports = Record<string, Record<string, ImportValue>>;
    interface ModuleImportDescriptor {
      module: string;
      name: string;
      kind: string;
    }
    interface ModuleExportDescriptor {
      name: string;
      kind: string;
    }
    function compile(bytes: Bytes): Promise<Module>;
    function validate(bytes: Bytes): boolean;
    function instantiate(module: Module, imports?: Imports): Promise<Instance>;
  }
}

export {};
