import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic.js';
import type { SourceKind } from './source.js';

/**
 * The signature checked by a verified install or update, kept so that `helm plugin list` can show who signed
 * a plugin (the HIP's SIGNED column, `--json`) without a keyring and without openpgp.
 */
export interface SignatureRecord {
  /** The plugin version whose archive was verified. */
  version: string;
  /** The signing key's fingerprint, uppercase hex (Helm's `Using Key With Fingerprint:`). */
  fingerprint: string;
  /** The long key id (16 hex digits) derived from the fingerprint. */
  keyId: string;
  /** The key's identities (Helm's `Signed by:` lines). */
  signedBy: string[];
  /** `sha256:<hex>` of the verified archive (Helm's `Plugin Hash Verified:`). */
  hash: string;
  /** The archive's name as the .prov lists it. */
  filename: string;
}

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
  /** The installed directory (absolute); a record is only trusted for the plugin found there. */
  dir?: string;
  /** Present when the signature was checked and held: who signed what was installed. */
  signature?: SignatureRecord;
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

function asRecord(text: string, name: string): SourceRecord | undefined {
  const value = JSON.parse(text) as SourceRecord | null;
  return value !== null && typeof value === 'object' && value.schemaVersion === 1 && value.name === name
    ? value
    : undefined;
}

export async function readSourceRecord(sourcesDir: string, name: string): Promise<SourceRecord | undefined> {
  try {
    return asRecord(await readFile(recordPath(sourcesDir, name), 'utf8'), name);
  } catch {
    return undefined;
  }
}

/** readSourceRecord for `plugin list`, which reads one per plugin: a thread-pool round trip each costs more. */
export function readSourceRecordSync(sourcesDir: string, name: string): SourceRecord | undefined {
  try {
    return asRecord(readFileSync(recordPath(sourcesDir, name), 'utf8'), name);
  } catch {
    return undefined;
  }
}

/**
 * OpenPGP key ids from a fingerprint: the long id is the last 16 hex digits of a v4 fingerprint (40 digits)
 * and the first 16 of a v5/v6 one (64 digits); the short id (the HIP's SIGNED column) is the long id's last 8.
 */
export function keyIdsOf(fingerprint: string): { keyId: string; shortKeyId: string } {
  const hex = fingerprint.replace(/\s+/g, '').toUpperCase();
  const keyId = hex.length === 64 ? hex.slice(0, 16) : hex.slice(-16);
  return { keyId, shortKeyId: keyId.slice(-8) };
}

export async function removeSourceRecord(sourcesDir: string, name: string): Promise<void> {
  await rm(recordPath(sourcesDir, name), { force: true });
}
