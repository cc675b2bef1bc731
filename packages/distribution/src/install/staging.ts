import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { distError, errnoOf } from '../codes.js';
import type { InstallLayout } from './layout.js';
import { processAlive } from './lock.js';

/** A private working directory under `<plugins>/.helm4/staging`, on the plugins directory's filesystem. */
export interface Staging {
  dir: string;
  remove(): Promise<void>;
}

const OWNER = 'owner';
const JOURNAL = 'journal.json';

export async function createStaging(layout: InstallLayout): Promise<Staging> {
  const dir = path.join(layout.stagingDir, `${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(path.join(dir, OWNER), `${process.pid}\n`);
  } catch (cause) {
    throw distError('DIST_INSTALL_FAILED', `cannot create a staging directory in ${layout.stagingDir}`, {
      cause,
      hint: 'check that the plugins directory is writable',
      details: { path: layout.stagingDir },
    });
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}

interface Journal {
  target: string;
  backup: string;
}

/**
 * Finishes what a killed helm left in staging: a replace that moved the old plugin aside but did not put the
 * new one in place gets the old one back; everything else of a dead owner is deleted.
 */
export async function recoverStaging(layout: InstallLayout): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(layout.stagingDir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = path.join(layout.stagingDir, entry);
    const owner = Number.parseInt(await readFile(path.join(dir, OWNER), 'utf8').catch(() => ''), 10);
    if (owner === process.pid || processAlive(owner)) continue;
    const journal = await readFile(path.join(dir, JOURNAL), 'utf8')
      .then((t) => JSON.parse(t) as Journal)
      .catch(() => undefined);
    if (journal !== undefined && !(await exists(journal.target)) && (await exists(journal.backup))) {
      await rename(journal.backup, journal.target);
    }
    await rm(dir, { recursive: true, force: true });
  }
}

/** Test-only: `HELM4_FAULT_PAUSE=<step>` stops here forever, so a test can kill helm at that exact point. */
async function faultPoint(step: string): Promise<void> {
  if (process.env['HELM4_FAULT_PAUSE'] !== step) return;
  process.stderr.write(`helm4-fault: paused at ${step}\n`);
  await new Promise(() => {});
}

/** Puts a staged plugin in place where none is: one rename. */
export async function commitNew(staged: string, target: string, name: string): Promise<void> {
  await faultPoint('before-commit');
  try {
    await rename(staged, target);
  } catch (cause) {
    const errno = errnoOf(cause);
    if (errno === 'EEXIST' || errno === 'ENOTEMPTY' || errno === 'ENOTDIR' || errno === 'EISDIR') {
      throw alreadyInstalled(name, target, cause);
    }
    throw distError('DIST_INSTALL_FAILED', `cannot move plugin ${name} into ${target}`, {
      cause,
      details: { path: target },
    });
  }
}

export function alreadyInstalled(name: string, target: string, cause?: unknown) {
  return distError('DIST_ALREADY_INSTALLED', `plugin already exists: ${name} (${target})`, {
    ...(cause === undefined ? {} : { cause }),
    hint: `use \`helm plugin update ${name}\`, or \`helm plugin uninstall ${name}\` first`,
    details: { plugin: name, path: target },
  });
}

/**
 * Replaces an installed plugin: the old one is moved aside (journaled), the new one renamed in, the old one
 * deleted. A failure puts the old one back; a kill in between is undone by recoverStaging on the next run.
 */
export async function commitReplace(staging: Staging, staged: string, target: string, name: string): Promise<void> {
  const backup = path.join(staging.dir, 'previous');
  await writeFile(path.join(staging.dir, JOURNAL), JSON.stringify({ target, backup } satisfies Journal));
  try {
    await rename(target, backup);
  } catch (cause) {
    throw distError('DIST_INSTALL_FAILED', `cannot move the installed plugin ${name} aside`, {
      cause,
      details: { path: target },
    });
  }
  await faultPoint('after-backup');
  try {
    await rename(staged, target);
  } catch (cause) {
    await rename(backup, target).catch(() => undefined);
    throw distError('DIST_INSTALL_FAILED', `cannot move the new plugin ${name} into ${target}`, {
      cause,
      details: { path: target },
    });
  }
  await rm(path.join(staging.dir, JOURNAL), { force: true });
  await rm(backup, { recursive: true, force: true });
}

/** Removes an installed plugin atomically (moved into staging first, then deleted). */
export async function removeInstalled(staging: Staging, target: string): Promise<void> {
  const gone = path.join(staging.dir, 'removed');
  await rename(target, gone);
  await rm(gone, { recursive: true, force: true });
}
