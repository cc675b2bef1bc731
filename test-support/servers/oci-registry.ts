import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createSign, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listenLocal } from './listen.js';

export interface TokenAuth {
  username: string;
  password: string;
}

export interface TestRegistry {
  /** host:port (127.0.0.1:<port>). */
  host: string;
  /** Token requests seen: `<user or anonymous> <scope>`. */
  tokenRequests: string[];
  [Symbol.asyncDispose](): Promise<void>;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** A token service for the registry's `auth.token`: RS256 JWTs whose x5c chain is the self-signed root. */
async function startTokenServer(dir: string, auth: TokenAuth, seen: string[]) {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'token.key',
      '-out',
      'token.crt',
      '-days',
      '2',
      '-subj',
      '/CN=helm4-test-token',
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  const key = readFileSync(path.join(dir, 'token.key'));
  const der = Buffer.from(
    readFileSync(path.join(dir, 'token.crt'), 'utf8').replace(/-----[^-]+-----|\s/g, ''),
    'base64',
  );
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const scope = url.searchParams.get('scope') ?? '';
    const header = req.headers.authorization ?? '';
    let user = 'anonymous';
    if (header.startsWith('Basic ')) {
      const [name, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
      if (name !== auth.username || rest.join(':') !== auth.password) {
        seen.push(`denied ${scope}`);
        res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"details":"bad credentials"}');
        return;
      }
      user = name;
    }
    seen.push(`${user} ${scope}`);
    // Anonymous users may pull; the test user may pull and push.
    const access = scope
      .split(' ')
      .filter((s) => s !== '')
      .map((s) => {
        const [type, name, actions] = s.split(':');
        const wanted = (actions ?? '').split(',');
        return {
          type,
          name,
          actions: wanted.filter((a) => a === 'pull' || (a === 'push' && user !== 'anonymous')),
        };
      });
    const now = Math.floor(Date.now() / 1000);
    const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', x5c: [der.toString('base64')] }));
    const body = b64url(
      JSON.stringify({
        iss: 'helm4-test-issuer',
        sub: user === 'anonymous' ? '' : user,
        aud: 'helm4-test-registry',
        exp: now + 600,
        nbf: now - 60,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key);
    const token = `${head}.${body}.${b64url(signature)}`;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token, access_token: token }));
  });
  const listening = await listenLocal(server);
  return {
    realm: `http://127.0.0.1:${listening.port}/token`,
    cert: path.join(dir, 'token.crt'),
    close: listening.close,
  };
}

/** Waits for the registry to log the address it listens on (it picks the port: `http.addr` ends in :0). */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(log);
      if (m) {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`docker-registry exited (${code}) before listening:\n${log}`)));
    child.on('error', reject);
  });
}

/**
 * A real registry (Debian's `docker-registry`, the CNCF distribution 2.8) on 127.0.0.1 with filesystem storage
 * in a temporary directory; with `auth`, token authentication through a test token service (bearer challenge).
 * Stopped and deleted on dispose.
 */
export async function startRegistry(options: { auth?: TokenAuth } = {}): Promise<TestRegistry> {
  const dir = mkdtempSync(path.join(tmpdir(), 'helm4-registry-'));
  mkdirSync(path.join(dir, 'data'));
  const tokenRequests: string[] = [];
  const token = options.auth === undefined ? undefined : await startTokenServer(dir, options.auth, tokenRequests);
  const auth =
    token === undefined
      ? ''
      : `auth:\n  token:\n    realm: ${token.realm}\n    service: helm4-test-registry\n    issuer: helm4-test-issuer\n    rootcertbundle: ${token.cert}\n`;
  writeFileSync(
    path.join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:0\n  secret: helm4-test-secret\n${auth}`,
  );
  const child = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let port: number;
  try {
    port = await listeningPort(child);
  } catch (err) {
    child.kill('SIGKILL');
    await token?.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // Keep draining its log so it never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    host: `127.0.0.1:${port}`,
    tokenRequests,
    async [Symbol.asyncDispose]() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      await token?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
