import { Helm4Error } from '@helm4/errors';

/*
 * The input messages this runtime reads, checked by hand rather than with zod so that running a plugin does
 * not load a schema library (`helm <plugin>` start-up). The plugin-type packages own the full schemas; these
 * accept what Go would decode into the same structs: a missing or null list is empty, missing getter options
 * are Go zero values.
 */

export interface CliMessage {
  extraArgs: string[];
}

export interface PostRendererMessage {
  manifests: string;
  extraArgs: string[];
}

export interface GetterMessage {
  href: string;
  protocol: string;
  options: {
    CertFile: string;
    KeyFile: string;
    CAFile: string;
    Username: string;
    Password: string;
    PassCredentialsAll: boolean;
  };
}

type Problems = string[];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function stringList(v: unknown, path: string, problems: Problems): string[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
  problems.push(`${path}: expected a list of strings`);
  return [];
}

function string(v: unknown, path: string, problems: Problems, fallback?: string): string {
  if (typeof v === 'string') return v;
  if (v === undefined && fallback !== undefined) return fallback;
  problems.push(`${path}: expected a string`);
  return '';
}

function boolean(v: unknown, path: string, problems: Problems): boolean {
  if (typeof v === 'boolean') return v;
  if (v === undefined) return false;
  problems.push(`${path}: expected a boolean`);
  return false;
}

function check<T>(
  type: string,
  plugin: string,
  message: unknown,
  read: (m: Record<string, unknown>, p: Problems) => T,
): T {
  const problems: Problems = [];
  const value = isObject(message) ? read(message, problems) : undefined;
  if (!isObject(message)) problems.push('expected an object');
  if (problems.length === 0) return value as T;
  throw new Helm4Error(
    'RUNTIME_INVALID_MESSAGE',
    `invalid ${type} input message for plugin ${JSON.stringify(plugin)}: ${problems.join('; ')}`,
    { details: { plugin, type, problems } },
  );
}

export function readCliMessage(message: unknown, plugin: string): CliMessage {
  return check('cli/v1', plugin, message, (m, p) => ({ extraArgs: stringList(m['extraArgs'], 'extraArgs', p) }));
}

export function readPostRendererMessage(message: unknown, plugin: string): PostRendererMessage {
  return check('postrenderer/v1', plugin, message, (m, p) => ({
    manifests: string(m['manifests'], 'manifests', p),
    extraArgs: stringList(m['extraArgs'], 'extraArgs', p),
  }));
}

export function readGetterMessage(message: unknown, plugin: string): GetterMessage {
  return check('getter/v1', plugin, message, (m, p) => {
    const raw = m['options'] ?? {};
    const o = isObject(raw) ? raw : {};
    if (!isObject(raw)) p.push('options: expected an object');
    return {
      href: string(m['href'], 'href', p),
      protocol: string(m['protocol'], 'protocol', p),
      options: {
        CertFile: string(o['CertFile'], 'options.CertFile', p, ''),
        KeyFile: string(o['KeyFile'], 'options.KeyFile', p, ''),
        CAFile: string(o['CAFile'], 'options.CAFile', p, ''),
        Username: string(o['Username'], 'options.Username', p, ''),
        Password: string(o['Password'], 'options.Password', p, ''),
        PassCredentialsAll: boolean(o['PassCredentialsAll'], 'options.PassCredentialsAll', p),
      },
    };
  });
}
