import { Helm4Error } from '@helm4/errors';
import type { MessageIssue, PluginTypeBinding } from './bindings.js';
import { RUNTIME_CODES } from './codes.js';

/*
 * Reading input messages by hand rather than with zod, so that running a plugin loads no schema library (the
 * start-up of `helm <plugin>`). The plugin-type packages hold the full schemas; these accept what Go would decode
 * into Helm's structs.
 */

export const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A list of strings; a missing or null one is empty (Go's nil slice). */
export function readStringList(value: unknown, path: string[], issues: MessageIssue[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  issues.push({ path, message: 'expected a list of strings' });
  return [];
}

/** A required string field. */
export function readString(message: Record<string, unknown>, key: string, issues: MessageIssue[]): string {
  const value = message[key];
  if (typeof value === 'string') return value;
  issues.push({ path: [key], message: value === undefined ? 'required' : 'expected a string' });
  return '';
}

/** The input message as `binding` reads it, or RUNTIME_INVALID_MESSAGE naming every issue. */
export function readInputMessage<M>(binding: PluginTypeBinding<M>, message: unknown, plugin: string): M {
  const issues: MessageIssue[] = [];
  const value = isJsonObject(message) ? binding.readInput(message, issues) : undefined;
  if (!isJsonObject(message)) issues.push({ path: [], message: 'expected an object' });
  if (issues.length === 0) return value as M;
  throw new Helm4Error(
    RUNTIME_CODES.invalidMessage,
    `invalid ${binding.type} input message for plugin ${JSON.stringify(plugin)}: ${issues
      .map((i) => `${i.path.join('.') || 'message'}: ${i.message}`)
      .join('; ')}`,
    { details: { plugin, type: binding.type, issues } },
  );
}

/** The binding of `type` among `bindings`, or RUNTIME_UNSUPPORTED_TYPE. */
export function bindingOf(
  bindings: readonly PluginTypeBinding[],
  type: string,
  runtime: string,
  plugin: string,
): PluginTypeBinding {
  const binding = bindings.find((b) => b.type === type);
  if (binding !== undefined) return binding;
  throw new Helm4Error(RUNTIME_CODES.unsupportedType, `unsupported ${runtime} plugin type ${JSON.stringify(type)}`, {
    details: { plugin, type },
    hint: 'the host gives its runtimes the bindings of the plugin types it knows (@helm4/plugin-type-<type>/runtime)',
  });
}
