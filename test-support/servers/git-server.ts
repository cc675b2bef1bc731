import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import path from 'node:path';
import { hookedPlugin } from './plugin-fixtures.js';

export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: cwd,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A bare repository `<root>/<name>.git` whose commits are plugin versions, each tagged `v<version>`. */
export function pluginRepo(root: string, name: string, versions: string[]) {
  const work = path.join(root, `${name}-work`);
  const bare = path.join(root, `${name}.git`);
  hookedPlugin(work, name, versions[0] ?? '1.0.0');
  gitIn(work, 'init', '--quiet', '--initial-branch=main');
  const release = (version: string, tag = true) => {
    hookedPlugin(work, name, version);
    gitIn(work, 'add', '-A');
    gitIn(work, 'commit', '--quiet', '-m', `v${version}`);
    if (tag) gitIn(work, 'tag', `v${version}`);
  };
  for (const v of versions) release(v);
  gitIn(root, 'clone', '--quiet', '--bare', work, bare);
  return {
    bare,
    /** Commits (and tags) another version and pushes it. */
    publish(version: string, tag = true) {
      release(version, tag);
      gitIn(work, 'push', '--quiet', '--tags', bare, 'main');
    },
    branch(branch: string, version: string) {
      gitIn(work, 'checkout', '--quiet', '-b', branch);
      hookedPlugin(work, name, version);
      writeFileSync(path.join(work, 'BRANCH'), branch);
      gitIn(work, 'add', '-A');
      gitIn(work, 'commit', '--quiet', '-m', branch);
      gitIn(work, 'push', '--quiet', bare, branch);
      gitIn(work, 'checkout', '--quiet', 'main');
    },
  };
}

/**
 * `git daemon` on 127.0.0.1, port 0: a Node listener owns the port and hands each connection to
 * `git daemon --inetd` (git's own daemon, one process per connection), so no port has to be guessed.
 */
export async function gitDaemon(basePath: string) {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const daemon = spawn('git', ['daemon', '--inetd', '--export-all', `--base-path=${basePath}`, basePath], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    socket.pipe(daemon.stdin);
    daemon.stdout.pipe(socket);
    socket.on('error', () => daemon.kill());
    socket.on('close', () => {
      sockets.delete(socket);
      daemon.kill();
    });
    daemon.on('exit', () => socket.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `git://127.0.0.1:${port}`,
    async [Symbol.asyncDispose]() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
