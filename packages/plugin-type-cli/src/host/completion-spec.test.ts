import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCompletionSpec, toSpec } from './completion-spec.js';

const plugins = fileURLToPath(
  new URL('../../../../../shared/fixtures/helm/pkg/cmd/testdata/helmhome/helm/plugins/', import.meta.url),
);

describe('completion.yaml', () => {
  it("reads Helm's fixtures as TestLoadCLIPluginsForCompletion expects", async () => {
    expect(await readCompletionSpec(path.join(plugins, 'shortenv'))).toEqual({
      name: 'shortenv',
      validArgs: [],
      flags: ['global'],
      commands: [
        { name: 'list', validArgs: [], flags: ['a', 'all', 'log'], commands: undefined },
        { name: 'remove', validArgs: ['all', 'one'], flags: [], commands: undefined },
      ],
    });
    const fullenv = await readCompletionSpec(path.join(plugins, 'fullenv'));
    expect(fullenv?.flags).toEqual(['z', 'q']);
    expect(fullenv?.commands?.[1]?.commands?.map((c) => [c.name, c.validArgs, c.flags])).toEqual([
      ['more', ['one', 'two'], ['b', 'ball']],
      ['less', [], ['a', 'all']],
    ]);
  });

  it('an empty file is an empty spec (dynamic completion still applies); a missing one is undefined', async () => {
    expect(await readCompletionSpec(path.join(plugins, 'echo'))).toEqual({
      name: '',
      validArgs: [],
      flags: [],
      commands: undefined,
    });
    expect(await readCompletionSpec(path.join(plugins, 'args'))).toBeUndefined();
  });

  it('matches keys case-insensitively and rejects shapes Go cannot decode', () => {
    expect(toSpec({ Name: 'x', VALIDARGS: ['a'], Commands: [] })).toEqual({
      name: 'x',
      validArgs: ['a'],
      flags: [],
      commands: [],
    });
    expect(toSpec({ flags: 'a' })).toBeUndefined();
    expect(toSpec({ commands: [{ flags: [['a']] }] })).toBeUndefined();
    expect(toSpec(['a'])).toBeUndefined();
  });
});
