import type { ManifestIssue } from '../types.js';
import { outcomeDir, outcomeName, type PluginOutcome, partialOf } from './outcome.js';

const quote = (s: string) => JSON.stringify(s);

/**
 * Within one plugin directory, every plugin that claims a name another loaded plugin also claims is
 * quarantined (MANIFEST_DUPLICATE_NAME); the others are kept. (Helm fails the whole directory instead.)
 */
export function quarantineDuplicateNames(outcomes: readonly PluginOutcome[]): PluginOutcome[] {
  const claimants = new Map<string, string[]>();
  for (const o of outcomes) {
    if (!('loaded' in o)) continue;
    const name = o.loaded.metadata.name;
    claimants.set(name, [...(claimants.get(name) ?? []), o.loaded.dir]);
  }
  return outcomes.map((o) => {
    if (!('loaded' in o)) return o;
    const dirs = claimants.get(o.loaded.metadata.name) ?? [];
    if (dirs.length < 2) return o;
    const others = dirs.filter((d) => d !== o.loaded.dir);
    return quarantine(o, {
      code: 'MANIFEST_DUPLICATE_NAME',
      message: `two plugins claim the name ${quote(o.loaded.metadata.name)}: also claimed by ${others.map(quote).join(', ')}`,
      path: ['name'],
    });
  });
}

/**
 * Across the directories of a plugin path, the first plugin of a name wins (like PATH lookup and Helm's
 * FindPlugin); later plugins of that name are quarantined as shadowed.
 */
export function quarantineShadowed(perDir: readonly PluginOutcome[][]): PluginOutcome[] {
  const found = new Map<string, string>();
  const out: PluginOutcome[] = [];
  for (const outcomes of perDir) {
    const here: PluginOutcome[] = [];
    for (const o of outcomes) {
      const name = outcomeName(o);
      const winner = name === undefined ? undefined : found.get(name);
      if ('loaded' in o && winner !== undefined && name !== undefined) {
        here.push(
          quarantine(o, {
            code: 'MANIFEST_DUPLICATE_NAME',
            message: `plugin ${quote(name)} at ${quote(outcomeDir(o))} is shadowed by ${quote(winner)}, found earlier in the plugin path`,
            path: ['name'],
          }),
        );
      } else {
        here.push(o);
      }
    }
    for (const o of here) if ('loaded' in o) found.set(o.loaded.metadata.name, o.loaded.dir);
    out.push(...here);
  }
  return out;
}

function quarantine(o: PluginOutcome, issue: ManifestIssue): PluginOutcome {
  return { quarantined: { dir: outcomeDir(o), ...partialOf(o), issues: [issue] } };
}
