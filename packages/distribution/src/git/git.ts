import { execFile } from 'node:child_process';
import { distError } from '../codes.js';
import { highestMatchingTag, parseConstraint } from './semver-constraint.js';

export interface GitResult {
  stdout: string;
  stderr: string;
}

/** Runs git without a terminal prompt (a private repository fails instead of hanging). */
export function git(args: string[], cwd?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: '', LC_ALL: 'C' },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ stdout, stderr });
        const notFound = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          distError('DIST_GIT_FAILED', notFound ? 'git is not installed' : `git ${args[0]} failed: ${stderr.trim()}`, {
            cause: error,
            hint: notFound ? 'install git to install plugins from git repositories' : 'check the repository URL',
            details: { args, stderr: stderr.trim() },
          }),
        );
      },
    );
  });
}

export interface CheckoutResult {
  /** The commit checked out. */
  commit: string;
  /** The ref or tag `--version` resolved to ('' = the default branch). */
  ref: string;
}

/**
 * Helm's VCS installer for git: clones `url` into `dest` and checks out `version` when given: a ref (branch,
 * tag, commit) if it names one, else the highest tag satisfying it as a semver constraint.
 */
export async function cloneAndCheckout(url: string, dest: string, version: string): Promise<CheckoutResult> {
  await git(['clone', '--quiet', '--', url, dest]);
  let ref = '';
  if (version !== '') {
    ref = await resolveVersion(dest, url, version);
    await git(['-c', 'advice.detachedHead=false', 'checkout', '--quiet', ref, '--'], dest);
  }
  const commit = (await git(['rev-parse', 'HEAD'], dest)).stdout.trim();
  return { commit, ref };
}

async function isReference(repo: string, version: string): Promise<boolean> {
  for (const candidate of [version, `origin/${version}`]) {
    try {
      await git(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`], repo);
      return true;
    } catch {
      // not this one
    }
  }
  return false;
}

async function resolveVersion(repo: string, url: string, version: string): Promise<string> {
  if (await isReference(repo, version)) {
    // A remote branch has no local branch in a fresh clone: check out the remote-tracking one.
    try {
      await git(['rev-parse', '--verify', '--quiet', `${version}^{commit}`], repo);
      return version;
    } catch {
      return `origin/${version}`;
    }
  }
  const constraint = parseConstraint(version);
  if (constraint === undefined) {
    throw distError(
      'DIST_GIT_VERSION_NOT_FOUND',
      `${JSON.stringify(version)} is neither a ref of ${url} nor a semver constraint`,
      {
        hint: 'pass a branch, tag or commit, or a constraint such as ^1.2.0',
        details: { url, version },
      },
    );
  }
  const tags = (await git(['tag', '--list'], repo)).stdout.split('\n').filter((t) => t !== '');
  const tag = highestMatchingTag(tags, constraint);
  if (tag === undefined) {
    throw distError(
      'DIST_GIT_VERSION_NOT_FOUND',
      `requested version ${JSON.stringify(version)} does not exist for plugin ${JSON.stringify(url)}`,
      {
        hint: `tags of the repository: ${tags.join(', ') || '(none)'}`,
        details: { url, version, tags },
      },
    );
  }
  return tag;
}

/** `git status --porcelain` is empty (Helm's IsDirty, for update of a checkout in place). */
export async function isDirty(repo: string): Promise<boolean> {
  return (await git(['status', '--porcelain'], repo)).stdout.trim() !== '';
}

/** The origin URL of a checkout, when it is one. */
export async function originUrl(dir: string): Promise<string | undefined> {
  try {
    const url = (await git(['config', '--get', 'remote.origin.url'], dir)).stdout.trim();
    return url === '' ? undefined : url;
  } catch {
    return undefined;
  }
}
