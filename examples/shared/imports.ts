// AssemblyScript-only syntax (decorated declarations): excluded from Biome (examples/biome.json).
// WASI preview1, declared by hand (no wasi-shim): Helm 4 gives every Wasm plugin WASI, and our runtime too.

@external('wasi_snapshot_preview1', 'fd_write')
export declare function fd_write(fd: u32, iovs: usize, iovsLen: usize, written: usize): u16;

@external('wasi_snapshot_preview1', 'fd_read')
export declare function fd_read(fd: u32, iovs: usize, iovsLen: usize, read: usize): u16;

@external('wasi_snapshot_preview1', 'environ_sizes_get')
export declare function environ_sizes_get(count: usize, size: usize): u16;

@external('wasi_snapshot_preview1', 'environ_get')
export declare function environ_get(environ: usize, buf: usize): u16;

@external('wasi_snapshot_preview1', 'proc_exit')
export declare function proc_exit(code: u32): void;

// Extism HTTP: @extism/as-pdk declares http_request but not http_status_code.

@external('extism:host/env', 'http_status_code')
export declare function http_status_code(): i32;
