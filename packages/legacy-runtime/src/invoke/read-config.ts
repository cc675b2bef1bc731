import type { PlatformCommand, SubprocessProtocolCommand, SubprocessRuntimeConfig } from '@helm4/manifest';

/*
 * Reads the normalised runtimeConfig of a LoadedPlugin (as the manifest package or its index cache produce it)
 * without zod, so that running a plugin stays light. Missing fields are Go zero values; a wrong kind is a
 * problem (the plugin was built by hand or its cache entry is corrupt).
 */

type Problems = string[];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function list<T>(v: unknown, path: string, problems: Problems, item: (x: unknown, path: string) => T): T[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.push(`${path}: expected a list`);
    return [];
  }
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

function text(v: unknown, path: string, problems: Problems): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  problems.push(`${path}: expected a string`);
  return '';
}

function platformCommand(v: unknown, path: string, problems: Problems): PlatformCommand {
  if (!isObject(v)) {
    problems.push(`${path}: expected a map`);
    return { os: '', arch: '', command: '', args: [] };
  }
  return {
    os: text(v['os'], `${path}.os`, problems),
    arch: text(v['arch'], `${path}.arch`, problems),
    command: text(v['command'], `${path}.command`, problems),
    args: list(v['args'], `${path}.args`, problems, (x, p) => text(x, p, problems)),
  };
}

function protocolCommand(v: unknown, path: string, problems: Problems): SubprocessProtocolCommand {
  const m = isObject(v) ? v : {};
  if (!isObject(v)) problems.push(`${path}: expected a map`);
  return {
    protocols: list(m['protocols'], `${path}.protocols`, problems, (x, p) => text(x, p, problems)),
    platformCommand: list(m['platformCommand'], `${path}.platformCommand`, problems, (x, p) =>
      platformCommand(x, p, problems),
    ),
  };
}

export function readRuntimeConfig(
  raw: Readonly<Record<string, unknown>>,
): { value: SubprocessRuntimeConfig } | { problems: string[] } {
  const problems: Problems = [];
  const commands = (v: unknown, path: string) => list(v, path, problems, (x, p) => platformCommand(x, p, problems));
  const hooksRaw = raw['platformHooks'] ?? {};
  if (!isObject(hooksRaw)) problems.push('platformHooks: expected a map');
  const value: SubprocessRuntimeConfig = {
    platformCommand: commands(raw['platformCommand'], 'platformCommand'),
    platformHooks: Object.fromEntries(
      Object.entries(isObject(hooksRaw) ? hooksRaw : {}).map(([event, cmds]) => [
        event,
        commands(cmds, `platformHooks.${event}`),
      ]),
    ),
    protocolCommands: list(raw['protocolCommands'], 'protocolCommands', problems, (x, p) =>
      protocolCommand(x, p, problems),
    ),
    expandHookArgs: raw['expandHookArgs'] === true,
  };
  return problems.length === 0 ? { value } : { problems };
}
