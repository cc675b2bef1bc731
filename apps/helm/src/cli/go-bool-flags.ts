import { Helm4Error } from '@helm4/errors';

// Go's strconv.ParseBool, which pflag uses for `--flag=value` on boolean flags.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * Helm users write `--verify=false`, `--debug=true`, `--plain-http=true` (cobra booleans take `=value`); oclif
 * booleans do not, so before parsing they become `--flag`, `--no-flag` (a negatable flag) or nothing (`=false`
 * of a flag whose default is false). A value Go's ParseBool refuses is pflag's error, CLI_INVALID_FLAG_VALUE.
 * Nothing after `--` is touched.
 */
export function goBoolArgv(argv: readonly string[], booleans: ReadonlyMap<string, { allowNo: boolean }>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^--([a-z][a-z0-9-]*)=([\s\S]*)$/.exec(arg);
    const name = m?.[1];
    const value = m?.[2];
    const flag = name === undefined ? undefined : booleans.get(name);
    if (flag === undefined || value === undefined) {
      out.push(arg);
    } else if (TRUE.has(value)) {
      out.push(`--${name}`);
    } else if (FALSE.has(value)) {
      if (flag.allowNo) out.push(`--no-${name}`);
    } else {
      throw new Helm4Error(
        'CLI_INVALID_FLAG_VALUE',
        `invalid argument ${JSON.stringify(value)} for "--${name}" flag: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
        { hint: `use --${name}=true or --${name}=false`, details: { flag: `--${name}`, value } },
      );
    }
  }
  return out;
}
