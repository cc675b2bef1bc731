import { endianness } from 'node:os';

/** An OS/architecture pair with Go's names (`runtime.GOOS`, `runtime.GOARCH`), as plugin.yaml uses them. */
export interface GoPlatform {
  os: string;
  arch: string;
}

const GOOS: Readonly<Record<string, string>> = {
  win32: 'windows',
  sunos: 'solaris',
};

const GOARCH: Readonly<Record<string, string>> = {
  x64: 'amd64',
  ia32: '386',
  x32: '386',
  mipsel: 'mipsle',
  mips64el: 'mips64le',
};

/** Node's `process.platform` / `process.arch` as Go names them (win32 → windows, x64 → amd64, ia32 → 386, …). */
export function goPlatform(
  platform: string = process.platform,
  arch: string = process.arch,
  byteOrder: 'BE' | 'LE' = endianness(),
): GoPlatform {
  let goarch = GOARCH[arch] ?? arch;
  // Node calls both ppc64 and ppc64le "ppc64".
  if (arch === 'ppc64' && byteOrder === 'LE') goarch = 'ppc64le';
  return { os: GOOS[platform] ?? platform, arch: goarch };
}
