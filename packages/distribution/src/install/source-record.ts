import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic.js';
import type { SourceKind } from './source.js';

/** Where a plugin came from, written at install time beside the plugins (never inside the plugin). */
export interface SourceRecord {
  schemaVersion: 1;
  name: string;
  kind: SourceKind;
  /** The source as given (a local path made absolute). */
  source: string;
  /** `--version` at install time (git: a ref or a semver constraint), '' when none. */
  version: string;
  /** Whether the signature was checked; update checks it the same way. */
  verified: boolean;
  /** The keyring it was checked against. */
  keyring?: string;
  /** What was installed: git commit, OCI manifest digest, archive SHA-256. */
  resolved?: { commit?: string; ref?: string; digest?: string; sha256?: string };
  /** OCI / HTTPS transport options that are not secrets (no passwords are stored). */
  transport?: {
    plainHttp?: boolean;
    insecureSkipTlsVerify?: boolean;
    caFile?: string;
    certFile?: string;
    keyFile?: string;
  };
  installedAt: string;
}

export function recordPath(sourcesDir: string, name: string): string {
  return path.join(sourcesDir, `${name}.json`);
}

export async function writeSourceRecord(sourcesDir: string, record: SourceRecord): Promise<void> {
  await mkdir(sourcesDir, { recursive: true, mode: 0o755 });
  await writeFileAtomic(recordPath(sourcesDir, record.name), `${JSON.stringify(record, null, 2)}\n`);
}

export async function readSourceRecord(sourcesDir: string, name: string): Promise<SourceRecord | undefined> {
  try {
    const value = JSON.parse(await readFile(recordPath(sourcesDir, name), 'utf8')) as SourceRecord;
    return value.schemaVersion === 1 && value.name === name ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function removeSourceRecord(sourcesDir: string, name: string): Promise<void> {
  await rm(recordPath(sourcesDir, name), { force: true });
}
