import { readFileSync } from 'node:fs';

/**
 * User and group names by id, read from /etc/passwd and /etc/group as Go's pure-Go os/user does (Helm's release
 * binaries are built without cgo): tar.FileInfoHeader fills Uname/Gname with them when the lookup succeeds.
 */
function readIdFile(file: string): Map<number, string> {
  const names = new Map<number, string>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return names;
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const [name, , id] = line.split(':');
    if (name === undefined || id === undefined || !/^\d+$/.test(id)) continue;
    const n = Number(id);
    if (!names.has(n)) names.set(n, name);
  }
  return names;
}

let users: Map<number, string> | undefined;
let groups: Map<number, string> | undefined;

export function userName(uid: number): string {
  users ??= readIdFile('/etc/passwd');
  return users.get(uid) ?? '';
}

export function groupName(gid: number): string {
  groups ??= readIdFile('/etc/group');
  return groups.get(gid) ?? '';
}
