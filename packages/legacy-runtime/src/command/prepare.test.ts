// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Helm's own ${VAR} syntax, as plugin.yaml writes it.
import type { PlatformCommand } from '@helm4/manifest';
import { describe, expect, it } from 'vitest';
import { prepareCommand, selectPlatformCommand } from './prepare.js';

const pc = (os: string, arch: string, command: string, args: string[] = []): PlatformCommand => ({
  os,
  arch,
  command,
  args,
});

const linuxAmd64 = { os: 'linux', arch: 'amd64' };
const chosen = (cmds: PlatformCommand[], platform = linuxAmd64) => selectPlatformCommand(cmds, platform)?.parts[0];

describe("selectPlatformCommand (Helm's getPlatformCommand)", () => {
  it.each([
    [
      'os+arch match wins over everything before it',
      [pc('', '', 'any'), pc('linux', '', 'os'), pc('linux', 'amd64', 'exact')],
      'exact',
    ],
    ['the first os+arch match wins', [pc('linux', 'amd64', 'first'), pc('linux', 'amd64', 'second')], 'first'],
    ['os match (no arch) beats an earlier os-less entry', [pc('', '', 'any'), pc('linux', '', 'os')], 'os'],
    ['the first os match (no arch) wins', [pc('linux', '', 'os1'), pc('linux', '', 'os2'), pc('', '', 'any')], 'os1'],
    ['an os-less, arch-less entry is the fallback', [pc('windows', '', 'win'), pc('', '', 'any')], 'any'],
    ['the first fallback wins', [pc('', '', 'any1'), pc('', '', 'any2')], 'any1'],
    ['os and arch compare case-insensitively', [pc('', '', 'any'), pc('Linux', 'AMD64', 'exact')], 'exact'],
    ['os (no arch) compares case-insensitively', [pc('', '', 'any'), pc('LINUX', '', 'os')], 'os'],
    ['an entry with an arch but no os never matches', [pc('', 'amd64', 'arch-only')], undefined],
    ['an arch without os does not beat the fallback', [pc('', 'amd64', 'arch-only'), pc('', '', 'any')], 'any'],
    ['os match with another arch is skipped', [pc('linux', 'arm64', 'arm'), pc('', '', 'any')], 'any'],
    ['os match with another arch alone: nothing', [pc('linux', 'arm64', 'arm')], undefined],
    ['another os is skipped', [pc('darwin', '', 'mac'), pc('windows', 'amd64', 'win')], undefined],
    ['no entries: nothing', [], undefined],
  ])('%s', (_name, cmds, expected) => {
    expect(chosen(cmds)).toBe(expected);
  });

  it('uses Go names for the platform (windows, 386)', () => {
    const cmds = [pc('windows', '386', 'win32'), pc('windows', '', 'win'), pc('', '', 'any')];
    expect(chosen(cmds, { os: 'windows', arch: '386' })).toBe('win32');
    expect(chosen(cmds, { os: 'windows', arch: 'amd64' })).toBe('win');
    expect(chosen(cmds, { os: 'darwin', arch: 'arm64' })).toBe('any');
  });

  it('splits the command on single spaces, without quoting', () => {
    expect(selectPlatformCommand([pc('', '', 'a  "b c"', ['x'])], linuxAmd64)).toEqual({
      parts: ['a', '', '"b', 'c"'],
      args: ['x'],
    });
  });
});

describe("prepareCommand (Helm's PrepareCommands)", () => {
  const env = { HELM_PLUGIN_DIR: '/p/plug', NAME: 'n', SPACED: 'a b' };
  const dirVar = '${HELM_PLUGIN_DIR}';

  it.each([
    ['main is expanded', [pc('', '', `${dirVar}/run.sh`)], true, [], { main: '/p/plug/run.sh', args: [] }],
    [
      'main is expanded even without expandArgs',
      [pc('', '', '$HELM_PLUGIN_DIR/run')],
      false,
      [],
      { main: '/p/plug/run', args: [] },
    ],
    [
      'command parts and args are expanded with expandArgs',
      [pc('', '', 'sh $NAME', ['-c', `${dirVar}/x`])],
      true,
      [],
      { main: 'sh', args: ['n', '-c', '/p/plug/x'] },
    ],
    [
      'command parts and args stay as written without expandArgs',
      [pc('', '', 'sh $NAME', ['-c', `${dirVar}/x`])],
      false,
      [],
      { main: 'sh', args: ['$NAME', '-c', `${dirVar}/x`] },
    ],
    [
      'extra args come last and are never expanded',
      [pc('', '', 'run', ['$NAME'])],
      true,
      ['$NAME', '${HELM_PLUGIN_DIR}'],
      { main: 'run', args: ['n', '$NAME', dirVar] },
    ],
    [
      'an expanded value is not split again',
      [pc('', '', 'run', ['$SPACED'])],
      true,
      [],
      { main: 'run', args: ['a b'] },
    ],
    ['unknown variables expand to ""', [pc('', '', '$NOPE/run', ['$NOPE'])], true, [], { main: '/run', args: [''] }],
    [
      'a main that expands to "" is kept (exec fails later, as in Go)',
      [pc('', '', '$NOPE')],
      true,
      [],
      { main: '', args: [] },
    ],
  ] as const)('%s', (_name, cmds, expandArgs, extra, expected) => {
    expect(prepareCommand(cmds, expandArgs, extra, env, linuxAmd64)).toEqual(expected);
  });

  it.each([
    ['no entries', []],
    ['no applicable entry', [pc('windows', '', 'run')]],
    ['an empty command', [pc('', '', '')]],
    ['a command starting with a space', [pc('', '', ' run')]],
  ])('fails with RUNTIME_NO_COMMAND for %s', (_name, cmds) => {
    expect(() => prepareCommand(cmds, true, [], env, linuxAmd64)).toThrow(
      expect.objectContaining({ code: 'RUNTIME_NO_COMMAND' }),
    );
  });
});
