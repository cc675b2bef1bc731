/*
 * cli-hello: a cli/v1 Wasm plugin. Prints a greeting (from runtimeConfig.config.greeting), its arguments and
 * HELM_NAMESPACE to stdout through WASI, like a subprocess plugin would, and returns `{}` (Helm needs JSON).
 */
import { Config } from '@extism/as-pdk';
import { ByteBuf, utf8 } from '../../shared/bytes';
import { abortHandler, fail, getenv, input, output, stdout } from '../../shared/host';
import { findField, readStringArray } from '../../shared/json';

function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  abortHandler(message, fileName, line, column);
}

export function helm_plugin_main(): i32 {
  const message = input();
  const at = findField(message, 'extraArgs');
  if (at < 0) return fail('input has no extraArgs');
  const args = readStringArray(message, at);

  const greeting = Config.get('greeting');
  const out = new ByteBuf(256);
  out.appendString((greeting !== null ? greeting : 'Hello') + ' from a Wasm plugin!\n');
  out.appendString('args:');
  for (let i = 0; i < args.length; i++) {
    out.push(0x20);
    out.append(args[i]);
  }
  out.push(0x0a);
  const namespace = getenv('HELM_NAMESPACE');
  out.appendString('HELM_NAMESPACE: ');
  if (namespace !== null) out.append(namespace);
  out.push(0x0a);
  stdout(out.view());

  output(utf8('{}'));
  return 0;
}
