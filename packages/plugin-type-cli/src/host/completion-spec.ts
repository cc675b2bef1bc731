import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** A plugin's static completion (`completion.yaml`), Helm's `pluginCommand`: its sub-commands, args and flags. */
export interface CompletionSpec {
  name: string;
  validArgs: string[];
  flags: string[];
  /** `undefined` when the file gives no `commands` (then the dynamic `plugin.complete` is used). */
  commands: CompletionSpec[] | undefined;
}

export const STATIC_COMPLETION_FILE = 'completion.yaml';
export const DYNAMIC_COMPLETION_FILE = 'plugin.complete';

/**
 * Reads `<dir>/completion.yaml`. A missing or invalid file gives `undefined` (Helm: no static completion, the
 * dynamic one still applies). Keys match case-insensitively, as sigs.k8s.io/yaml's JSON decoding does.
 */
export async function readCompletionSpec(dir: string): Promise<CompletionSpec | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, STATIC_COMPLETION_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const { parseRawYaml } = await import('@helm4/manifest');
  const { value, issues } = parseRawYaml(text);
  if (issues.length > 0) return undefined;
  return toSpec(value);
}

/** Decodes one level of completion.yaml; `undefined` for a shape Go's decoder would reject. */
export function toSpec(raw: unknown): CompletionSpec | undefined {
  const empty: CompletionSpec = { name: '', validArgs: [], flags: [], commands: undefined };
  if (raw === null || raw === undefined) return empty;
  if (typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const spec = { ...empty };
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    switch (key.toLowerCase()) {
      case 'name':
        if (v !== null && typeof v !== 'string') return undefined;
        spec.name = v ?? '';
        break;
      case 'validargs':
      case 'flags': {
        const list = stringList(v);
        if (list === undefined) return undefined;
        if (key.toLowerCase() === 'flags') spec.flags = list;
        else spec.validArgs = list;
        break;
      }
      case 'commands': {
        if (v === null) break;
        if (!Array.isArray(v)) return undefined;
        const commands: CompletionSpec[] = [];
        for (const c of v) {
          const sub = toSpec(c);
          if (sub === undefined) return undefined;
          commands.push(sub);
        }
        spec.commands = commands;
        break;
      }
      default:
        break;
    }
  }
  return spec;
}

function stringList(v: unknown): string[] | undefined {
  if (v === null) return [];
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const item of v) {
    if (item === null) out.push('');
    else if (typeof item === 'string') out.push(item);
    else return undefined;
  }
  return out;
}
