import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { onTestFinished } from 'vitest';
import { testRegistry } from '../../manifest/src/testing/test-registry.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const HELM_FIXTURES = path.join(REPO_ROOT, '..', 'shared', 'fixtures', 'helm');
export const PLUGDIR_GOOD = path.join(HELM_FIXTURES, 'internal', 'plugin', 'testdata', 'plugdir', 'good');
export const KEYS = {
  pub: path.join(HELM_FIXTURES, 'pkg', 'cmd', 'testdata', 'helm-test-key.pub'),
  secret: path.join(HELM_FIXTURES, 'pkg', 'cmd', 'testdata', 'helm-test-key.secret'),
  passwordSecret: path.join(HELM_FIXTURES, 'pkg', 'provenance', 'testdata', 'helm-password-key.secret'),
  mixedPub: path.join(HELM_FIXTURES, 'pkg', 'provenance', 'testdata', 'helm-mixed-keyring.pub'),
};
export const HELM_TEST_UID =
  'Helm Testing (This key should only be used for testing. DO NOT TRUST.) <helm-testing@helm.sh>';
export const HELM_TEST_FINGERPRINT = '5E615389B53CA37F0EE60BD3843BBF981FC18762';
export const REAL_HELM = path.join(REPO_ROOT, '.tmp', 'real-helm', 'helm');

/** The manifest package's test registry (cli/getter/postrenderer types, subprocess and extism runtimes). */
export const registry = async () => testRegistry();

/** A fresh temporary directory, removed when the current test finishes. */
export function tempDir(prefix = 'helm4-dist-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Copies a fixture directory (Helm's are read-only) into `to`, writable. */
export function copyPlugin(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  chmodSync(to, 0o755);
  for (const entry of readdirSync(to, { recursive: true })) {
    const p = path.join(to, String(entry));
    chmodSync(p, statSync(p).isDirectory() ? 0o755 : statSync(p).mode & 0o111 ? 0o755 : 0o644);
  }
  return to;
}

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without blocking the event loop (servers of the same test keep answering). */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Real Helm v4.1.4 with every HELM_* home under `home`. */
export function realHelm(home: string, args: string[], extraEnv: Record<string, string> = {}): Promise<Ran> {
  if (!existsSync(REAL_HELM)) {
    throw new Error(`real Helm missing at ${REAL_HELM}: run node scripts/fetch-real-helm.mjs (the test command does)`);
  }
  return run(REAL_HELM, args, { env: { PATH: process.env['PATH'], HOME: home, ...helmEnv(home), ...extraEnv } });
}

export function helmEnv(home: string): Record<string, string> {
  return {
    HELM_DATA_HOME: path.join(home, 'data'),
    HELM_CACHE_HOME: path.join(home, 'cache'),
    HELM_CONFIG_HOME: path.join(home, 'config'),
  };
}

/** The uncompressed tar bytes of a .tgz. */
export function tarBytes(file: Buffer): Buffer {
  return gunzipSync(file);
}

/** Entry names of an uncompressed tar (USTAR name fields only; enough for our fixtures). */
export function tarNames(tar: Buffer): string[] {
  const names: string[] = [];
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('latin1').replace(/\0.*$/s, '');
    const prefix = header.subarray(345, 500).toString('latin1').replace(/\0.*$/s, '');
    const size = Number.parseInt(header.subarray(124, 136).toString('latin1').replace(/\0.*$/s, '') || '0', 8);
    names.push(prefix === '' ? name : `${prefix}/${name}`);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

export interface RawEntry {
  name: string;
  /** Tar typeflag: '0' file, '5' dir, '1' hard link, '2' symlink, '3' char device, '6' fifo. */
  type?: string;
  body?: string | Buffer;
  linkname?: string;
  mode?: number;
  /** Declared size, when it should differ from the body's. */
  size?: number;
}

function octal(value: number, size: number): string {
  return `${value.toString(8).padStart(size - 1, '0')}\0`;
}

/** A gzip'd tar with exactly these entries (no checks: for feeding hostile archives to the extractor). */
export function rawTgz(entries: RawEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = typeof e.body === 'string' ? Buffer.from(e.body) : (e.body ?? Buffer.alloc(0));
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100, 'utf8');
    h.write(octal(e.mode ?? 0o644, 8), 100, 'latin1');
    h.write(octal(0, 8), 108, 'latin1');
    h.write(octal(0, 8), 116, 'latin1');
    h.write(octal(e.size ?? body.length, 12), 124, 'latin1');
    h.write(octal(1_700_000_000, 12), 136, 'latin1');
    h.write(e.type ?? '0', 156, 'latin1');
    h.write(e.linkname ?? '', 157, 100, 'utf8');
    h.write('ustar\x0000', 257, 'latin1');
    h.fill(0x20, 148, 156);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

export { hookedPlugin } from '../../../test-support/servers/plugin-fixtures.js';
