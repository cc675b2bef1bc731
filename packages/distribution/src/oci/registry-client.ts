import { distError } from '../codes.js';
import { type HttpResponse, readBody, request, type TlsOptions } from '../http/client.js';
import { type Credentials, registryCredentials } from './registry-credentials.js';

export interface RegistryOptions {
  /** `--plain-http`: talk HTTP instead of HTTPS. */
  plainHttp?: boolean;
  tls?: TlsOptions;
  username?: string;
  password?: string;
  /** Docker-style credentials file (Helm's registry config.json): auths, credsStore, credHelpers. */
  registryConfig?: string;
  idleTimeoutMs?: number;
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses `WWW-Authenticate: Bearer realm="…",service="…",scope="…"`. */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*(\w+)\s*(.*)$/.exec(header);
  if (m === null) return undefined;
  const params: Record<string, string> = {};
  for (const p of (m[2] ?? '').matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[(p[1] ?? '').toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { scheme: (m[1] ?? '').toLowerCase(), params };
}

export interface RegistryRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** The token scope, e.g. `repository:team/plugin:pull` (see RegistryClient.scope). */
  scope: string;
}

/**
 * A client of the OCI distribution API for one registry: answers 401 challenges itself (Bearer: a token from
 * the realm, with basic credentials when there are some; Basic: the credentials), caching tokens per scope.
 */
export class RegistryClient {
  readonly registry: string;
  readonly base: string;
  private readonly options: RegistryOptions;
  /** Looked up on first need (a credential helper is a process to run). */
  private resolved: { credentials: Credentials | undefined } | undefined;
  private readonly authorization = new Map<string, string>();

  constructor(registry: string, options: RegistryOptions = {}) {
    this.registry = registry;
    this.options = options;
    this.base = `${options.plainHttp ? 'http' : 'https'}://${registry}`;
  }

  private get credentials(): Credentials | undefined {
    this.resolved ??= {
      credentials:
        this.options.username !== undefined && this.options.username !== ''
          ? { username: this.options.username, password: this.options.password ?? '' }
          : registryCredentials(this.options.registryConfig, this.registry),
    };
    return this.resolved.credentials;
  }

  private basic(): string | undefined {
    if (this.credentials === undefined) return undefined;
    return `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`;
  }

  private async token(challenge: Challenge, fallbackScope: string): Promise<string> {
    const realm = challenge.params['realm'];
    if (realm === undefined) throw this.authError('the registry sent a Bearer challenge without a realm', 401);
    const url = new URL(realm);
    if (challenge.params['service'] !== undefined) url.searchParams.set('service', challenge.params['service']);
    url.searchParams.set('scope', challenge.params['scope'] ?? fallbackScope);
    const basic = this.basic();
    const res = await request(url.href, {
      headers: basic === undefined ? {} : { Authorization: basic },
      ...(this.options.tls === undefined ? {} : { tls: this.options.tls }),
      ...(this.options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: this.options.idleTimeoutMs }),
    });
    const body = await readBody(res, 1024 * 1024);
    if (res.status !== 200)
      throw this.authError(`the token service ${url.origin} answered HTTP ${res.status}`, res.status);
    let parsed: { token?: string; access_token?: string };
    try {
      parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
    } catch (cause) {
      throw distError('DIST_OCI_AUTH_FAILED', `the token service ${url.origin} sent no JSON`, { cause });
    }
    const token = parsed.token ?? parsed.access_token;
    if (token === undefined || token === '') throw this.authError('the token service sent no token', res.status);
    return `Bearer ${token}`;
  }

  private authError(message: string, status: number) {
    return distError('DIST_OCI_AUTH_FAILED', `${this.registry}: ${message}`, {
      hint:
        this.credentials === undefined
          ? 'the registry needs credentials: pass --username and --password (or log in with `helm registry login`)'
          : 'check --username / --password and that the account may access this repository',
      details: { registry: this.registry, status },
    });
  }

  /** A request to `/v2/<path>`, authenticated as the registry asks. */
  async fetch(path: string, req: RegistryRequest): Promise<HttpResponse> {
    try {
      return await this.fetchOnce(path, req);
    } catch (err) {
      if (!this.options.plainHttp && (err as { code?: string }).code === 'DIST_HTTP_FAILED') {
        const e = err as Error & { hint?: string };
        throw distError('DIST_HTTP_FAILED', e.message, {
          cause: err,
          hint: `${e.hint ?? 'check the registry address'}; for a registry without TLS, pass --plain-http`,
          details: { registry: this.registry },
        });
      }
      throw err;
    }
  }

  private async fetchOnce(path: string, req: RegistryRequest): Promise<HttpResponse> {
    const url = path.startsWith('http://') || path.startsWith('https://') ? path : `${this.base}/v2/${path}`;
    const { scope } = req;
    const send = (authorization: string | undefined) =>
      request(url, {
        method: req.method ?? 'GET',
        headers: { ...req.headers, ...(authorization === undefined ? {} : { Authorization: authorization }) },
        ...(req.body === undefined ? {} : { body: req.body }),
        ...(this.options.tls === undefined ? {} : { tls: this.options.tls }),
        ...(this.options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: this.options.idleTimeoutMs }),
      });
    let res = await send(this.authorization.get(scope));
    if (res.status !== 401) return res;
    res.body.resume();
    const challenge = parseChallenge(String(res.headers['www-authenticate'] ?? ''));
    let authorization: string | undefined;
    if (challenge?.scheme === 'bearer') authorization = await this.token(challenge, scope);
    else if (challenge?.scheme === 'basic') authorization = this.basic();
    if (authorization === undefined) throw this.authError('authentication required', 401);
    this.authorization.set(scope, authorization);
    res = await send(authorization);
    if (res.status === 401 || res.status === 403) {
      res.body.resume();
      throw this.authError(`access denied (HTTP ${res.status})`, res.status);
    }
    return res;
  }

  /** The scope string for a repository. */
  static scope(repository: string, actions: 'pull' | 'pull,push'): string {
    return `repository:${repository}:${actions}`;
  }
}

export function registryError(res: HttpResponse, what: string, body?: Buffer) {
  let detail = '';
  try {
    const parsed = JSON.parse(body?.toString('utf8') ?? '') as { errors?: { code?: string; message?: string }[] };
    detail = (parsed.errors ?? []).map((e) => `${e.code ?? ''}: ${e.message ?? ''}`).join('; ');
  } catch {
    // not a JSON error body
  }
  return distError('DIST_OCI_REGISTRY_ERROR', `${what}: HTTP ${res.status}${detail === '' ? '' : ` (${detail})`}`, {
    hint: res.status === 404 ? 'check the repository and tag' : 'the registry refused the request',
    details: { status: res.status, url: res.url },
  });
}
