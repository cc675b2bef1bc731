import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { HELM_BUILTIN_COMMANDS, OUR_COMMANDS, RESERVED_COMMAND_NAMES } from './builtins.js';

it('OUR_COMMANDS lists exactly the top-level commands, topics and aliases of the oclif manifest', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../oclif.manifest.json', import.meta.url), 'utf8')) as {
    commands: Record<string, { id: string; aliases: string[] }>;
  };
  const top = new Set<string>();
  for (const c of Object.values(manifest.commands)) {
    for (const id of [c.id, ...c.aliases]) top.add(id.split(':')[0] as string);
  }
  expect([...OUR_COMMANDS].sort()).toEqual([...top].sort());
});

it("reserves Helm 4's whole command set, ours and cobra's completion commands", () => {
  for (const name of [...HELM_BUILTIN_COMMANDS, 'post-render', 'fetch', 'ls', '__complete', '__completeNoDesc']) {
    expect(RESERVED_COMMAND_NAMES.has(name)).toBe(true);
  }
  expect(RESERVED_COMMAND_NAMES.has('diff')).toBe(false);
});
