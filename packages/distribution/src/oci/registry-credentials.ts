import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Credentials {
  username: string;
  password: string;
}

/** The parts of a Docker-style config.json (Helm's registry config) that name credentials. */
interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string } | undefined>;
  credsStore?: string;
  credHelpers?: Record<string, string | undefined>;
}

/**
 * The credentials the registry config `file` holds for `host`, looked up as oras-go's credential store (Helm's)
 * does: the host's `credHelpers` entry, else the `credsStore`, each a `docker-credential-<name>` program asked with
 * `get`; else `auths` (`auth` = base64 of `user:password`, or `username` / `password`), under the host or its
 * http(s):// URL. undefined when there are none; a helper that fails or is missing counts as none.
 */
export function registryCredentials(file: string | undefined, host: string): Credentials | undefined {
  if (file === undefined) return undefined;
  let config: DockerConfig;
  try {
    config = JSON.parse(readFileSync(file, 'utf8')) as DockerConfig;
  } catch {
    return undefined;
  }
  const helper = config.credHelpers?.[host] ?? config.credsStore;
  if (helper !== undefined && helper !== '') return fromHelper(helper, host);
  const entry = config.auths?.[host] ?? config.auths?.[`https://${host}`] ?? config.auths?.[`http://${host}`];
  if (entry === undefined) return undefined;
  if (entry.auth !== undefined && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (entry.username !== undefined && entry.username !== '') {
    return { username: entry.username, password: entry.password ?? '' };
  }
  return undefined;
}

/** docker-credential-helpers' protocol: `docker-credential-<name> get`, the server on stdin, JSON on stdout. */
function fromHelper(name: string, host: string): Credentials | undefined {
  const r = spawnSync(`docker-credential-${name}`, ['get'], { input: host, encoding: 'utf8', timeout: 30_000 });
  if (r.error !== undefined || r.status !== 0) return undefined;
  try {
    const answer = JSON.parse(r.stdout) as { Username?: unknown; Secret?: unknown };
    if (typeof answer.Username !== 'string' || typeof answer.Secret !== 'string') return undefined;
    // `<token>` marks an identity token (an OAuth2 refresh token), which this client does not exchange.
    if (answer.Username === '<token>') return undefined;
    return { username: answer.Username, password: answer.Secret };
  } catch {
    return undefined;
  }
}
