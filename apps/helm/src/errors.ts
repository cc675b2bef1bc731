import { isHelm4Error } from '@helm4/errors';

/** Exit codes by error code; everything not listed exits 1, as Helm does (usage errors included). */
const EXIT_CODES: Record<string, number> = {};

export function exitCodeFor(err: unknown): number {
  if (isHelm4Error(err)) {
    const fromPlugin = err.details?.['exitCode'];
    if (typeof fromPlugin === 'number' && fromPlugin > 0) return fromPlugin;
    return EXIT_CODES[err.code] ?? 1;
  }
  return 1;
}

/** One clear line (plus a hint line when there is one); a stack trace only with HELM_DEBUG. */
export function formatError(err: unknown, debug = process.env['HELM_DEBUG'] === 'true'): string {
  const message = err instanceof Error ? err.message : String(err);
  let out = `Error: ${message}`;
  if (isHelm4Error(err)) {
    out += ` [${err.code}]\n`;
    if (err.hint !== undefined) out += `  hint: ${err.hint}\n`;
  } else {
    out += '\n';
  }
  if (debug && err instanceof Error && err.stack) out += `${err.stack}\n`;
  return out;
}

export function errorJson(err: unknown): { error: { code: string; message: string; hint?: string } } {
  if (isHelm4Error(err)) {
    return { error: { code: err.code, message: err.message, ...(err.hint === undefined ? {} : { hint: err.hint }) } };
  }
  return { error: { code: 'CLI_UNEXPECTED', message: err instanceof Error ? err.message : String(err) } };
}
