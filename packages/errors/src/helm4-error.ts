export interface Helm4ErrorOptions {
  /** What the user can do about it, one line. */
  hint?: string;
  cause?: unknown;
  /** Machine-readable context (paths, field names, exit codes). Serialised by `--json`. */
  details?: Record<string, unknown>;
}

/**
 * The one error class of the project. `code` is stable (SCREAMING_SNAKE, domain-prefixed, append-only,
 * listed in docs/errors.md); tests assert codes, never message text.
 */
export class Helm4Error<C extends string = string> extends Error {
  readonly code: C;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: C, message: string, options: Helm4ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'Helm4Error';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }

  toJSON(): { code: C; message: string; hint?: string; details?: Record<string, unknown> } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export function isHelm4Error(value: unknown, code?: string): value is Helm4Error {
  return value instanceof Helm4Error && (code === undefined || value.code === code);
}

/** Wraps a third-party failure at the boundary; a Helm4Error passes through untouched. */
export function wrapError(code: string, message: string, cause: unknown, hint?: string): Helm4Error {
  if (cause instanceof Helm4Error) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Helm4Error(code, `${message}: ${reason}`, { cause, ...(hint === undefined ? {} : { hint }) });
}
