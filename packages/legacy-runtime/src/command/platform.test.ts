import { describe, expect, it } from 'vitest';
import { goPlatform } from './platform.js';

describe('goPlatform (Node → Go GOOS/GOARCH)', () => {
  it.each([
    ['linux', 'x64', 'LE', 'linux', 'amd64'],
    ['darwin', 'arm64', 'LE', 'darwin', 'arm64'],
    ['win32', 'x64', 'LE', 'windows', 'amd64'],
    ['win32', 'ia32', 'LE', 'windows', '386'],
    ['win32', 'arm64', 'LE', 'windows', 'arm64'],
    ['linux', 'arm', 'LE', 'linux', 'arm'],
    ['linux', 'ppc64', 'LE', 'linux', 'ppc64le'],
    ['aix', 'ppc64', 'BE', 'aix', 'ppc64'],
    ['linux', 's390x', 'BE', 'linux', 's390x'],
    ['linux', 'riscv64', 'LE', 'linux', 'riscv64'],
    ['linux', 'loong64', 'LE', 'linux', 'loong64'],
    ['linux', 'mipsel', 'LE', 'linux', 'mipsle'],
    ['linux', 'mips64el', 'LE', 'linux', 'mips64le'],
    ['freebsd', 'x64', 'LE', 'freebsd', 'amd64'],
    ['openbsd', 'arm64', 'LE', 'openbsd', 'arm64'],
    ['sunos', 'x64', 'LE', 'solaris', 'amd64'],
    ['android', 'arm64', 'LE', 'android', 'arm64'],
  ] as const)('%s/%s (%s) → %s/%s', (platform, arch, order, os, goarch) => {
    expect(goPlatform(platform, arch, order)).toEqual({ os, arch: goarch });
  });

  it('describes this machine by default', () => {
    const here = goPlatform();
    expect(here.os).not.toBe('win32');
    expect(here.arch).not.toBe('x64');
  });
});
