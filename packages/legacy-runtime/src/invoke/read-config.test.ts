import { describe, expect, it } from 'vitest';
import { readRuntimeConfig } from './read-config.js';

describe('readRuntimeConfig', () => {
  it('reads a normalised config, filling Go zero values', () => {
    expect(
      readRuntimeConfig({
        platformCommand: [{ command: 'run' }, { os: 'linux', arch: 'amd64', command: 'x', args: ['a'] }],
        platformHooks: { install: [{ command: 'sh', args: ['-c', 'echo'] }], delete: null },
        protocolCommands: [{ protocols: ['s3'], platformCommand: [{ command: 'get' }] }, {}],
        expandHookArgs: true,
      }),
    ).toEqual({
      value: {
        platformCommand: [
          { os: '', arch: '', command: 'run', args: [] },
          { os: 'linux', arch: 'amd64', command: 'x', args: ['a'] },
        ],
        platformHooks: { install: [{ os: '', arch: '', command: 'sh', args: ['-c', 'echo'] }], delete: [] },
        protocolCommands: [
          { protocols: ['s3'], platformCommand: [{ os: '', arch: '', command: 'get', args: [] }] },
          { protocols: [], platformCommand: [] },
        ],
        expandHookArgs: true,
      },
    });
  });

  it('is empty for an empty config, and expandHookArgs is only ever a true boolean', () => {
    expect(readRuntimeConfig({ expandHookArgs: 'true' })).toEqual({
      value: { platformCommand: [], platformHooks: {}, protocolCommands: [], expandHookArgs: false },
    });
  });

  it('reports every wrong kind with its path', () => {
    const read = readRuntimeConfig({
      platformCommand: [{ command: 1, args: 'x' }, 'y'],
      platformHooks: [],
      protocolCommands: [{ protocols: [true] }],
    });
    expect(read).toEqual({
      problems: [
        'platformHooks: expected a map',
        'platformCommand[0].command: expected a string',
        'platformCommand[0].args: expected a list',
        'platformCommand[1]: expected a map',
        'protocolCommands[0].protocols[0]: expected a string',
      ],
    });
  });

  it('keeps a __proto__ hook event as data', () => {
    const raw = JSON.parse('{"platformHooks": {"__proto__": [{"command": "x"}]}}') as Record<string, unknown>;
    const read = readRuntimeConfig(raw);
    expect('value' in read && Object.hasOwn(read.value.platformHooks, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['command']).toBeUndefined();
  });
});
