/*
 * The Wasm side of the runtime contract suite (@helm4/runtime/contract): one AssemblyScript module, one export
 * per fixture plugin (selected with runtimeConfig.entryFuncName). Built to test/fixtures/contract/contract.wasm, which is committed:
 * `node packages/wasm-runtime/scripts/build-fixtures.mjs`.
 */
import { ByteBuf, base64, str, utf8 } from '../../../examples/shared/bytes';
import { abortHandler, getenv, input, output, stderr, stdout } from '../../../examples/shared/host';
import { fd_read } from '../../../examples/shared/imports';
import { findField, readString, readStringArray, writeString } from '../../../examples/shared/json';

function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  abortHandler(message, fileName, line, column);
}

function ok(): i32 {
  output(utf8('{}'));
  return 0;
}

/** cliEcho: `arg: <arg>` per extra arg, then `HELM_NAMESPACE=<value>` on stdout; one line on stderr. */
export function cli_echo(): i32 {
  const message = input();
  const args = readStringArray(message, findField(message, 'extraArgs'));
  const out = new ByteBuf(256);
  for (let i = 0; i < args.length; i++) {
    out.appendString('arg: ');
    out.append(args[i]);
    out.push(0x0a);
  }
  out.appendString('HELM_NAMESPACE=');
  const ns = getenv('HELM_NAMESPACE');
  if (ns !== null) out.append(ns);
  out.push(0x0a);
  stdout(out.view());
  stderr(utf8('cli-echo: stderr\n'));
  return ok();
}

/** cliExit: returns the decimal code of its first extra arg, writing nothing. */
export function cli_exit(): i32 {
  const message = input();
  const args = readStringArray(message, findField(message, 'extraArgs'));
  const code = args.length > 0 ? I32.parseInt(str(args[0])) : 0;
  if (code == 0) return ok();
  return code;
}

/** cliCat: copies stdin to stdout as it arrives, until end of input. */
export function cli_cat(): i32 {
  const chunk = new Uint8Array(65536);
  const iov = memory.data(8);
  const count = memory.data(4);
  for (;;) {
    store<u32>(iov, <u32>chunk.dataStart);
    store<u32>(iov, <u32>chunk.length, 4);
    if (fd_read(0, iov, 1, count) != 0) break;
    const n = <i32>load<u32>(count);
    if (n == 0) break;
    stdout(chunk.subarray(0, n));
  }
  return ok();
}

/** getter: the bytes `content of <href>`; exit (return) code 3 when href ends in `/fail`. */
export function getter(): i32 {
  const message = input();
  const href = readString(message, findField(message, 'href'));
  const text = href !== null ? str(href) : '';
  if (text.endsWith('/fail')) return 3;
  const out = new ByteBuf(64);
  out.appendString('{"data":"');
  base64(utf8('content of ' + text), out);
  out.appendString('"}');
  output(out.view());
  return 0;
}

/** postrenderer: every FOOTEST replaced by BARTEST, or by the extra args joined with single spaces. */
export function postrenderer(): i32 {
  const message = input();
  const manifests = readString(message, findField(message, 'manifests'));
  if (manifests === null) return 1;
  const args = readStringArray(message, findField(message, 'extraArgs'));
  const replacement = new ByteBuf(64);
  if (args.length == 0) replacement.appendString('BARTEST');
  for (let i = 0; i < args.length; i++) {
    if (i > 0) replacement.push(0x20);
    replacement.append(args[i]);
  }
  const needle = utf8('FOOTEST');
  const rendered = new ByteBuf(manifests.length + 64);
  let run = 0;
  let i = 0;
  while (i + needle.length <= manifests.length) {
    if (
      manifests[i] == 0x46 &&
      memory.compare(manifests.dataStart + <usize>i, needle.dataStart, <usize>needle.length) == 0
    ) {
      rendered.appendRange(manifests, run, i);
      rendered.append(replacement.view());
      i += needle.length;
      run = i;
    } else {
      i++;
    }
  }
  rendered.appendRange(manifests, run, manifests.length);
  const out = new ByteBuf(rendered.length + 32);
  out.appendString('{"manifests":');
  writeString(out, rendered.view());
  out.push(0x7d);
  output(out.view());
  return 0;
}
