import { describe, expect, it } from 'vitest';
import { type CommandTable, routeArgv } from './route.js';

const table: CommandTable = {
  commands: new Map([
    ['env', 'env'],
    ['help', 'help'],
    ['version', 'version'],
    ['pull', 'pull'],
    ['fetch', 'pull'],
    ['plugin:list', 'plugin:list'],
    ['plugin:ls', 'plugin:list'],
    ['plugin:install', 'plugin:install'],
    ['completion:bash', 'completion:bash'],
  ]),
  topics: new Set(['plugin', 'completion']),
};

describe('routeArgv (cobra Find over our commands)', () => {
  it('finds the command and moves the flags met on the way after it', () => {
    expect(routeArgv(['plugin', 'list'], table)).toEqual({ kind: 'command', id: 'plugin:list', argv: [] });
    expect(routeArgv(['--debug', 'plugin', 'list', '--type', 'x'], table)).toEqual({
      kind: 'command',
      id: 'plugin:list',
      argv: ['--debug', '--type', 'x'],
    });
    expect(routeArgv(['-n', 'ns', 'plugin', '--kube-context=c', 'ls', 'extra'], table)).toEqual({
      kind: 'command',
      id: 'plugin:list',
      argv: ['-n', 'ns', '--kube-context=c', 'extra'],
    });
    // An unknown flag takes the next word as its value, as in cobra (the command then rejects the flag).
    expect(routeArgv(['plugin', '--type', 'cli/v1', 'list'], table)).toEqual({
      kind: 'command',
      id: 'plugin:list',
      argv: ['--type', 'cli/v1'],
    });
    expect(routeArgv(['fetch', 'u'], table)).toEqual({ kind: 'command', id: 'pull', argv: ['u'] });
  });

  it('keeps words after the command as arguments (env NAME), and stops at --', () => {
    expect(routeArgv(['env', 'HELM_BIN'], table)).toEqual({ kind: 'command', id: 'env', argv: ['HELM_BIN'] });
    expect(routeArgv(['plugin', 'list', '--', 'list'], table)).toEqual({
      kind: 'command',
      id: 'plugin:list',
      argv: ['--', 'list'],
    });
    expect(routeArgv(['plugin', '--', 'list'], table)).toEqual({ kind: 'help', id: 'plugin', args: [] });
  });

  it('a topic alone, or followed by a word that names nothing, is that topic’s help', () => {
    expect(routeArgv(['plugin'], table)).toEqual({ kind: 'help', id: 'plugin', args: [] });
    expect(routeArgv(['plugin', 'foo', '--debug'], table)).toEqual({
      kind: 'help',
      id: 'plugin',
      args: ['foo', '--debug'],
    });
    expect(routeArgv(['completion', '-n', 'x', 'foo'], table)).toEqual({
      kind: 'help',
      id: 'completion',
      args: ['-n', 'x', 'foo'],
    });
    expect(routeArgv([], table)).toEqual({ kind: 'help', id: undefined, args: [] });
    expect(routeArgv(['--debug'], table)).toEqual({ kind: 'help', id: undefined, args: ['--debug'] });
  });

  it('--help and -h take no value here (helm --help plugin list is the help of plugin list)', () => {
    expect(routeArgv(['--help', 'plugin', 'list'], table)).toEqual({
      kind: 'command',
      id: 'plugin:list',
      argv: ['--help'],
    });
    expect(routeArgv(['-h', 'args'], table)).toEqual({ kind: 'help', id: undefined, args: ['-h', 'args'] });
  });
});
