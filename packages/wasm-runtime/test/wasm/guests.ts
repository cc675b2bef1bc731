/*
 * Guest modules for tests, written with the builder: Extism-ABI plugins (constant output, echo, errors) and
 * hostile ones (loops, memory bombs, bad imports). Each returns the module bytes.
 */
import { type Func, type FuncImport, i32, i64, op, type Sig, wasmModule } from './builder.js';

const ENV = 'extism:host/env';

/** Signatures of the Extism kernel functions the guests use. */
const KERNEL: Record<string, Sig> = {
  alloc: { params: [i64], results: [i64] },
  store_u8: { params: [i64, i32] },
  input_length: { results: [i64] },
  input_load_u8: { params: [i64], results: [i32] },
  output_set: { params: [i64, i64] },
  error_set: { params: [i64] },
  config_get: { params: [i64], results: [i64] },
  length: { params: [i64], results: [i64] },
  load_u8: { params: [i64], results: [i32] },
  http_request: { params: [i64, i64], results: [i64] },
  http_status_code: { results: [i32] },
  log_info: { params: [i64] },
};

export type KernelName = keyof typeof KERNEL;

/** Imports the named kernel functions; `fn[name]` is each one's function index. */
export function kernel(
  names: string[],
  extra: FuncImport[] = [],
): { imports: FuncImport[]; fn: Record<string, number> } {
  const imports: FuncImport[] = names.map((name) => ({ module: ENV, name, sig: KERNEL[name]! }));
  imports.push(...extra);
  const fn: Record<string, number> = {};
  imports.forEach((imp, i) => {
    fn[imp.name] = i;
  });
  return { imports, fn };
}

/** Copies `len` bytes at guest address 0.. into a new Extism block; leaves the block address in local `addrLocal`. */
function blockFromMemory(fn: Record<string, number>, len: number, addrLocal: number, iLocal: number): number[] {
  return [
    ...op.i64Const(len),
    ...op.call(fn['alloc']!),
    ...op.localSet(addrLocal),
    ...op.i32Const(0),
    ...op.localSet(iLocal),
    ...op.block,
    ...op.loop,
    ...op.localGet(iLocal),
    ...op.i32Const(len),
    ...op.i32Eq,
    ...op.brIf(1),
    ...op.localGet(addrLocal),
    ...op.localGet(iLocal),
    ...op.i64ExtendI32U,
    ...op.i64Add,
    ...op.localGet(iLocal),
    ...op.i32Load8u(),
    ...op.call(fn['store_u8']!),
    ...op.localGet(iLocal),
    ...op.i32Const(1),
    ...op.i32Add,
    ...op.localSet(iLocal),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
}

export interface GuestOptions {
  /** Export name of the entry function. */
  entry?: string;
  /** Memory pages (min / max) of the guest. */
  memory?: { min: number; max?: number };
  /** Instructions run before the plugin's work. */
  prelude?: number[];
  /** More imports (after the kernel's). */
  extraImports?: FuncImport[];
  /** More functions, after the entry function. */
  extraFuncs?: Func[];
  /** Index of the start function (the entry function is 0 among the defined ones, after the imports). */
  start?: number;
}

/** A plugin that sets `text` as its output (or its error, with `asError`) and returns `rc`. */
export function constantGuest(text: string, rc = 0, options: GuestOptions & { asError?: boolean } = {}): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  const { imports, fn } = kernel(['alloc', 'store_u8', 'output_set', 'error_set'], options.extraImports);
  const finish = options.asError
    ? [...op.localGet(0), ...op.call(fn['error_set']!)]
    : [...op.localGet(0), ...op.i64Const(bytes.length), ...op.call(fn['output_set']!)];
  return wasmModule({
    imports,
    memory: options.memory ?? { min: 1 },
    data: [{ offset: 0, bytes }],
    funcs: [
      {
        sig: { results: [i32] },
        locals: [i64, i32],
        body: [...(options.prelude ?? []), ...blockFromMemory(fn, bytes.length, 0, 1), ...finish, ...op.i32Const(rc)],
        export: options.entry ?? 'helm_plugin_main',
      },
      ...(options.extraFuncs ?? []),
    ],
  });
}

/** A plugin whose output is its input. */
export function echoGuest(options: GuestOptions = {}): Uint8Array {
  const { imports, fn } = kernel(
    ['alloc', 'store_u8', 'input_length', 'input_load_u8', 'output_set'],
    options.extraImports,
  );
  // locals: 0 len i64, 1 addr i64, 2 i i64
  const body = [
    ...(options.prelude ?? []),
    ...op.call(fn['input_length']!),
    ...op.localSet(0),
    ...op.localGet(0),
    ...op.call(fn['alloc']!),
    ...op.localSet(1),
    ...op.block,
    ...op.loop,
    ...op.localGet(2),
    ...op.localGet(0),
    ...op.i64GeU,
    ...op.brIf(1),
    ...op.localGet(1),
    ...op.localGet(2),
    ...op.i64Add,
    ...op.localGet(2),
    ...op.call(fn['input_load_u8']!),
    ...op.call(fn['store_u8']!),
    ...op.localGet(2),
    ...op.i64Const(1),
    ...op.i64Add,
    ...op.localSet(2),
    ...op.br(0),
    ...op.end,
    ...op.end,
    ...op.localGet(1),
    ...op.localGet(0),
    ...op.call(fn['output_set']!),
    ...op.i32Const(0),
  ];
  return wasmModule({
    imports,
    memory: options.memory ?? { min: 1 },
    funcs: [
      { sig: { results: [i32] }, locals: [i64, i64, i64], body, export: options.entry ?? 'helm_plugin_main' },
      ...(options.extraFuncs ?? []),
    ],
  });
}

/** An entry function with the given body and no imports but the extras. */
export function rawGuest(body: number[], options: GuestOptions & { locals?: number[]; results?: number[] } = {}) {
  return wasmModule({
    imports: options.extraImports ?? [],
    memory: options.memory ?? { min: 1 },
    ...(options.start === undefined ? {} : { start: options.start }),
    funcs: [
      {
        sig: { results: options.results ?? [i32] },
        locals: options.locals ?? [],
        body,
        export: options.entry ?? 'helm_plugin_main',
      },
      ...(options.extraFuncs ?? []),
    ],
  });
}

/** `loop br 0 end` forever. */
export const infiniteLoop = [...op.loop, ...op.br(0), ...op.end];

/** Grows memory by one page forever, ignoring failures. */
export const growForever = [...op.loop, ...op.i32Const(1), ...op.memoryGrow, ...op.drop, ...op.br(0), ...op.end];

/** Grows memory one page at a time until a grow fails, then traps. */
export const growUntilTrap = [
  ...op.loop,
  ...op.i32Const(1),
  ...op.memoryGrow,
  ...op.i32Const(-1),
  ...op.i32Ne,
  ...op.brIf(0),
  ...op.end,
  ...op.unreachable,
];

/**
 * A cli plugin that outputs `{}`, unless its first extra arg starts with `l` (`{"extraArgs":["l…`: byte 15 of
 * the input), then it runs `hostile` first.
 */
export function switchGuest(hostile: number[], options: GuestOptions & { locals?: number[] } = {}): Uint8Array {
  const { imports, fn } = kernel(
    ['alloc', 'store_u8', 'output_set', 'input_length', 'input_load_u8'],
    options.extraImports,
  );
  const out = new TextEncoder().encode('{}');
  return wasmModule({
    imports,
    memory: options.memory ?? { min: 1 },
    data: [{ offset: 0, bytes: out }],
    funcs: [
      {
        sig: { results: [i32] },
        locals: [i64, i32, ...(options.locals ?? [])],
        body: [
          ...op.call(fn['input_length']!),
          ...op.i64Const(16),
          ...op.i64GeU,
          ...op.if,
          ...op.i64Const(15),
          ...op.call(fn['input_load_u8']!),
          ...op.i32Const(0x6c),
          ...op.i32Eq,
          ...op.if,
          ...hostile,
          ...op.end,
          ...op.end,
          ...blockFromMemory(fn, out.length, 0, 1),
          ...op.localGet(0),
          ...op.i64Const(out.length),
          ...op.call(fn['output_set']!),
          ...op.i32Const(0),
        ],
        export: options.entry ?? 'helm_plugin_main',
      },
      ...(options.extraFuncs ?? []),
    ],
  });
}

/** A plugin that sends `request` (Extism HTTP request JSON) and outputs the response body. */
export function httpGuest(request: { url: string; method?: string; headers?: Record<string, string> }): Uint8Array {
  const { imports, fn } = kernel(['alloc', 'store_u8', 'output_set', 'http_request', 'length']);
  const req = new TextEncoder().encode(JSON.stringify(request));
  return wasmModule({
    imports,
    memory: { min: 1 },
    data: [{ offset: 0, bytes: req }],
    funcs: [
      {
        sig: { results: [i32] },
        locals: [i64, i32, i64],
        body: [
          ...blockFromMemory(fn, req.length, 0, 1),
          ...op.localGet(0),
          ...op.i64Const(0),
          ...op.call(fn['http_request']!),
          ...op.localSet(2),
          ...op.localGet(2),
          ...op.localGet(2),
          ...op.call(fn['length']!),
          ...op.call(fn['output_set']!),
          ...op.i32Const(0),
        ],
        export: 'helm_plugin_main',
      },
    ],
  });
}

/** A plugin that calls the host function `extism:host/user::<name>` with an empty input, then outputs `{}`. */
export function hostCallGuest(name: string): Uint8Array {
  return constantGuest('{}', 0, {
    extraImports: [{ module: 'extism:host/user', name, sig: { params: [i64], results: [i64] } }],
    prelude: [...op.i64Const(0), ...op.call(4), ...op.drop],
  });
}

const WASI = 'wasi_snapshot_preview1';

/** WASI rights: fd_read, fd_write. */
const RIGHTS_READ_WRITE = (1n << 1n) | (1n << 6n);

/**
 * A cli plugin that opens `path` relative to preopened fd 3 (`/tmp`) with WASI path_open — creating it and
 * writing `write` when given — and returns the WASI errno of the first failing step (0 and `{}` on success).
 */
export function fsGuest(
  path: string,
  options: { write?: string; followSymlinks?: boolean; symlinkFrom?: string } = {},
) {
  const enc = new TextEncoder();
  const pathBytes = enc.encode(path);
  const content = enc.encode(options.write ?? '');
  const linkTarget = enc.encode(options.symlinkFrom ?? '');
  const PATH = 256;
  const CONTENT = 512;
  const LINK = 768;
  const { imports, fn } = kernel(
    ['alloc', 'store_u8', 'output_set'],
    [
      {
        module: WASI,
        name: 'path_open',
        sig: { params: [i32, i32, i32, i32, i32, i64, i64, i32, i32], results: [i32] },
      },
      { module: WASI, name: 'fd_write', sig: { params: [i32, i32, i32, i32], results: [i32] } },
      { module: WASI, name: 'path_symlink', sig: { params: [i32, i32, i32, i32, i32], results: [i32] } },
    ],
  );
  const failOnErrno = [...op.localTee(1), ...op.if, ...op.localGet(1), ...op.return, ...op.end];
  const symlink =
    options.symlinkFrom === undefined
      ? []
      : [
          // path_symlink(old = target, fd 3, new = path)
          ...op.i32Const(LINK),
          ...op.i32Const(linkTarget.length),
          ...op.i32Const(3),
          ...op.i32Const(PATH),
          ...op.i32Const(pathBytes.length),
          ...op.call(fn['path_symlink']!),
          ...failOnErrno,
        ];
  const open = [
    ...op.i32Const(3),
    ...op.i32Const(options.followSymlinks ? 1 : 0),
    ...op.i32Const(PATH),
    ...op.i32Const(pathBytes.length),
    ...op.i32Const(options.write === undefined ? 0 : 1), // O_CREAT
    ...op.i64Const(RIGHTS_READ_WRITE),
    ...op.i64Const(0),
    ...op.i32Const(0),
    ...op.i32Const(8), // opened fd → mem[8]
    ...op.call(fn['path_open']!),
    ...failOnErrno,
  ];
  const write =
    options.write === undefined
      ? []
      : [
          ...op.i32Const(16),
          ...op.i32Const(CONTENT),
          ...op.i32Store(),
          ...op.i32Const(20),
          ...op.i32Const(content.length),
          ...op.i32Store(),
          ...op.i32Const(8),
          ...op.i32Load(),
          ...op.i32Const(16),
          ...op.i32Const(1),
          ...op.i32Const(12),
          ...op.call(fn['fd_write']!),
          ...failOnErrno,
        ];
  const out = enc.encode('{}');
  return wasmModule({
    imports,
    memory: { min: 1 },
    data: [
      { offset: 0, bytes: out },
      { offset: PATH, bytes: pathBytes },
      { offset: CONTENT, bytes: content },
      { offset: LINK, bytes: linkTarget },
    ],
    funcs: [
      {
        sig: { results: [i32] },
        locals: [i64, i32],
        body: [
          ...symlink,
          ...open,
          ...write,
          ...blockFromMemory(fn, out.length, 0, 1),
          ...op.localGet(0),
          ...op.i64Const(out.length),
          ...op.call(fn['output_set']!),
          ...op.i32Const(0),
        ],
        export: 'helm_plugin_main',
      },
    ],
  });
}
