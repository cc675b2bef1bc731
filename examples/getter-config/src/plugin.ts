/*
 * getter-config: a getter/v1 Wasm plugin serving two URL schemes.
 *   config://<host>/<key> the value of runtimeConfig.config.<key> (a value `base64:<data>` is binary data);
 *                         the host part is only a label (Helm needs one), `config://<key>` works too
 *   mirror://<host>/<p>   http://<host>/<p>, fetched through the host: only runtimeConfig.allowedHosts
 * Input {href, protocol, options}; output {"data": "<base64>"} (Go's []byte in JSON).
 */
import { Config } from '@extism/as-pdk';
import { ByteBuf, base64, str, utf8 } from '../../shared/bytes';
import { abortHandler, fail, httpGet, input, output } from '../../shared/host';
import { findField, readString } from '../../shared/json';

function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  abortHandler(message, fileName, line, column);
}

function respond(data: Uint8Array): i32 {
  const out = new ByteBuf(data.length + 16);
  out.appendString('{"data":"');
  base64(data, out);
  out.appendString('"}');
  output(out.view());
  return 0;
}

/** The part of `href` after `<scheme>://`. */
function rest(href: string, scheme: string): string {
  const prefix = scheme + '://';
  return href.startsWith(prefix) ? href.substring(prefix.length) : href;
}

export function helm_plugin_main(): i32 {
  const message = input();
  const href = readString(message, findField(message, 'href'));
  const protocol = readString(message, findField(message, 'protocol'));
  if (href === null || protocol === null) return fail('input needs href and protocol');
  const scheme = str(protocol);
  const target = rest(str(href), scheme);

  if (scheme == 'config') {
    const slash = target.indexOf('/');
    let key = slash >= 0 ? target.substring(slash + 1) : target;
    while (key.endsWith('/')) key = key.substring(0, key.length - 1);
    const value = Config.get(key);
    if (value === null) return fail('no runtimeConfig.config key "' + key + '" for ' + str(href));
    if (value.startsWith('base64:')) {
      const out = new ByteBuf(value.length + 16);
      out.appendString('{"data":"');
      out.appendString(value.substring(7));
      out.appendString('"}');
      output(out.view());
      return 0;
    }
    return respond(utf8(value));
  }

  if (scheme == 'mirror') {
    const response = httpGet(utf8('http://' + target));
    if (response.status != 200) {
      return fail('GET http://' + target + ' answered ' + response.status.toString());
    }
    return respond(response.body);
  }

  return fail('unsupported protocol ' + scheme);
}
