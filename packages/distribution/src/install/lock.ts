import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { distError, errnoOf } from '../codes.js';

/** Whether process `pid` is alive (on this host). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoOf(err) === 'EPERM';
  }
}

export interface PluginLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** Give up after this long; default 120 s. */
  timeoutMs?: number;
  /** Poll interval while another process holds the lock; default 50 ms. */
  pollMs?: number;
}

/** Locks held by this process, so two operations of one process on one plugin queue too. */
const held = new Map<string, Promise<void>>();

async function tryCreate(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx', 0o644);
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return true;
  } catch (err) {
    if (errnoOf(err) === 'EEXIST') return false;
    throw distError('DIST_INSTALL_FAILED', `cannot create lock file ${file}`, { cause: err, details: { path: file } });
  }
}

/** A lock whose owner died (or is unreadable garbage) is taken over. */
async function removeIfStale(file: string): Promise<void> {
  let pid: number;
  try {
    pid = Number.parseInt(await readFile(file, 'utf8'), 10);
  } catch {
    return;
  }
  if (pid === process.pid || processAlive(pid)) return;
  await rm(file, { force: true });
}

/**
 * Serialises install, update and uninstall of one plugin across processes: `<locks>/<name>.lock` is created
 * exclusively and holds the owner's pid; a lock left by a killed process is taken over.
 */
export async function lockPlugin(locksDir: string, name: string, options: LockOptions = {}): Promise<PluginLock> {
  await mkdir(locksDir, { recursive: true, mode: 0o755 });
  const file = path.join(locksDir, `${name}.lock`);
  const timeout = options.timeoutMs ?? 120_000;
  const poll = options.pollMs ?? 50;
  const deadline = Date.now() + timeout;

  // In-process queue first: the pid in the file is ours, so staleness checks cannot tell us apart.
  for (let mine = held.get(file); mine !== undefined; mine = held.get(file)) await mine;
  let unlock!: () => void;
  held.set(
    file,
    new Promise<void>((resolve) => {
      unlock = resolve;
    }),
  );

  try {
    while (!(await tryCreate(file))) {
      await removeIfStale(file);
      if (Date.now() > deadline) {
        throw distError('DIST_LOCK_TIMEOUT', `plugin ${name} is being installed or removed by another helm`, {
          hint: `wait for it to finish; if no helm is running, remove ${file}`,
          details: { lock: file },
        });
      }
      await new Promise((r) => setTimeout(r, poll));
    }
  } catch (err) {
    held.delete(file);
    unlock();
    throw err;
  }
  return {
    async release() {
      await rm(file, { force: true });
      held.delete(file);
      unlock();
    },
  };
}
