import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

/** The repository root (…/main). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Helm's own test data, shared beside the repository (read-only). */
export const HELM_FIXTURES = join(REPO_ROOT, '..', 'shared', 'fixtures', 'helm');
export const PROVENANCE_TESTDATA = join(HELM_FIXTURES, 'pkg', 'provenance', 'testdata');
export const TESTCHARTS = join(HELM_FIXTURES, 'pkg', 'cmd', 'testdata', 'testcharts');
export const PLUGDIR_GOOD = join(HELM_FIXTURES, 'internal', 'plugin', 'testdata', 'plugdir', 'good');
/** `.prov` files real Helm v4.1.4 wrote for the plugdir/good fixtures (helm plugin package --sign). */
export const HELM_PROVS = fileURLToPath(new URL('./fixtures/helm-v4.1.4/', import.meta.url));

export const testdata = (name: string) => join(PROVENANCE_TESTDATA, name);

export const HELM_TEST_UID =
  'Helm Testing (This key should only be used for testing. DO NOT TRUST.) <helm-testing@helm.sh>';
export const HELM_TEST_FINGERPRINT = '5E615389B53CA37F0EE60BD3843BBF981FC18762';
export const PASSWORD_KEY_UID = 'password key (fake) <fake@helm.sh>';
export const PASSWORD_KEY_FINGERPRINT = 'E18D0BE258CB62933597C3527A891631B10DA2B1';

/** Real Helm v4.1.4 (scripts/fetch-real-helm.mjs), when present. */
export const REAL_HELM = join(REPO_ROOT, '.tmp', 'real-helm', 'helm');

/** A fresh temporary directory, removed when the current test finishes. */
export function tempDir(prefix = 'helm4-prov-'): string {
  const path = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(path, { recursive: true, force: true }));
  return path;
}
