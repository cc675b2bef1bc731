import { Host, Memory } from '@extism/as-pdk';
import { error_set, http_request, length } from '@extism/as-pdk/lib/env';
import { ByteBuf, utf8 } from './bytes';
import { environ_get, environ_sizes_get, fd_read, fd_write, http_status_code, proc_exit } from './imports';
import { writeString as writeJsonString } from './json';

/** The Extism input (the plugin type's JSON message) as bytes. */
export function input(): Uint8Array {
  return Host.input();
}

/** Sets the Extism output (the type's JSON message). */
export function output(bytes: Uint8Array): void {
  Host.output(bytes);
}

/** Reports an error through Extism (Helm: `plugin error: <message>`); return its result from the entry function. */
export function fail(message: string): i32 {
  const mem = Memory.allocateBytes(utf8(message));
  error_set(mem.offset);
  return 1;
}

/** For `asc --use abort=…`: report the failure, then trap. */
export function abortHandler(message: string | null, fileName: string | null, line: u32, column: u32): void {
  const where = (fileName !== null ? fileName : '?') + ':' + line.toString() + ':' + column.toString();
  fail('abort: ' + (message !== null ? message : '') + ' at ' + where);
  unreachable();
}

const iov = memory.data(8);
const count = memory.data(4);

function writeFd(fd: u32, bytes: Uint8Array): void {
  let at: i32 = 0;
  while (at < bytes.length) {
    store<u32>(iov, <u32>(bytes.dataStart + <usize>at));
    store<u32>(iov, <u32>(bytes.length - at), 4);
    if (fd_write(fd, iov, 1, count) != 0) return;
    const n = load<u32>(count);
    if (n == 0) return;
    at += <i32>n;
  }
}

export function stdout(bytes: Uint8Array): void {
  writeFd(1, bytes);
}

export function stderr(bytes: Uint8Array): void {
  writeFd(2, bytes);
}

/** All of stdin. */
export function readStdin(): Uint8Array {
  const out = new ByteBuf(4096);
  const chunk = new Uint8Array(65536);
  for (;;) {
    store<u32>(iov, <u32>chunk.dataStart);
    store<u32>(iov, <u32>chunk.length, 4);
    if (fd_read(0, iov, 1, count) != 0) break;
    const n = <i32>load<u32>(count);
    if (n == 0) break;
    out.appendRange(chunk, 0, n);
  }
  return out.view();
}

/** The value of an environment variable, or null. */
export function getenv(name: string): Uint8Array | null {
  const sizes = memory.data(8);
  if (environ_sizes_get(sizes, sizes + 4) != 0) return null;
  const n = <i32>load<u32>(sizes);
  const size = <i32>load<u32>(sizes, 4);
  const pointers = new Uint32Array(n);
  const buf = new Uint8Array(size);
  if (environ_get(pointers.dataStart, buf.dataStart) != 0) return null;
  const prefix = utf8(name + '=');
  for (let i = 0; i < n; i++) {
    const start = <i32>(<usize>pointers[i] - buf.dataStart);
    if (start + prefix.length > size) continue;
    if (memory.compare(buf.dataStart + <usize>start, prefix.dataStart, <usize>prefix.length) != 0) continue;
    let end = start + prefix.length;
    while (end < size && buf[end] != 0) end++;
    return buf.slice(start + prefix.length, end);
  }
  return null;
}

/** Ends the plugin with an exit code (WASI proc_exit). */
export function exit(code: u32): void {
  proc_exit(code);
}

/** An HTTP response from the Extism HTTP host function. */
export class HttpResponse {
  constructor(
    public status: i32,
    public body: Uint8Array,
  ) {}
}

/**
 * GET `url` through the host (Extism http_request): the host allows only runtimeConfig.allowedHosts and bodies
 * up to memory.maxHttpResponseBytes; a denied request ends the call with an error.
 */
export function httpGet(url: Uint8Array): HttpResponse {
  const req = new ByteBuf(url.length + 64);
  req.appendString('{"method":"GET","headers":{},"url":');
  writeJsonString(req, url);
  req.push(0x7d);
  const mem = Memory.allocateBytes(req.view());
  const offset = http_request(mem.offset, 0);
  const status = http_status_code();
  if (offset == 0) return new HttpResponse(status, new Uint8Array(0));
  return new HttpResponse(status, new Memory(offset, length(offset)).toUint8Array());
}
