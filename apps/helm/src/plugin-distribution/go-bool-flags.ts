// Go's strconv.ParseBool, which cobra uses for `--flag=value` on boolean flags.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * Helm users write `--verify=false` / `--sign=false` (cobra booleans take `=value`); oclif booleans do not, so
 * those become `--no-verify` / `--verify` before parsing. An unparsable value is left for oclif to reject.
 */
export function goBoolArgv(argv: readonly string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of argv) {
    if (arg === '--') {
      out.push(...argv.slice(out.length));
      break;
    }
    const m = /^--([a-z][a-z0-9-]*)=(.*)$/.exec(arg);
    const name = m?.[1];
    const value = m?.[2];
    if (name !== undefined && value !== undefined && names.includes(name)) {
      if (TRUE.has(value)) {
        out.push(`--${name}`);
        continue;
      }
      if (FALSE.has(value)) {
        out.push(`--no-${name}`);
        continue;
      }
    }
    out.push(arg);
  }
  return out;
}
