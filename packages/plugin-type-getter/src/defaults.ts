/**
 * `@helm4/plugin-type-getter/defaults`: Helm's GetterOptionsV1 (Go field names) at Go's zero values, without
 * zod, so runtimes on the CLI's start-up path can fill absent options the same way.
 */
import type { GetterOptions } from './messages.js';

export const GETTER_OPTION_DEFAULTS: Readonly<GetterOptions> = Object.freeze({
  URL: '',
  CertFile: '',
  KeyFile: '',
  CAFile: '',
  UNTar: false,
  InsecureSkipVerifyTLS: false,
  PlainHTTP: false,
  AcceptHeader: '',
  Username: '',
  Password: '',
  PassCredentialsAll: false,
  UserAgent: '',
  Version: '',
  Timeout: 0,
});

/** Getter options with Go's zero values, the base the host fills from the command line. */
export function defaultGetterOptions(): GetterOptions {
  return { ...GETTER_OPTION_DEFAULTS };
}
