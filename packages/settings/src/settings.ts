import path from 'node:path';
import { type Env, type HelmHomes, helmHomes, type PlatformInfo } from './helm-paths.js';

/** Helm's EnvSettings (pkg/cli/environment.go): what a Helm command knows about its environment. */
export interface HelmSettings extends HelmHomes {
  /** HELM_PLUGINS as given (may be a path list, see pluginDirs). */
  pluginsDirectory: string;
  registryConfig: string;
  repositoryConfig: string;
  repositoryCache: string;
  contentCache: string;
  noPlugins: boolean;
  debug: boolean;
  namespace: string;
  kubeContext: string;
  kubeToken: string;
  kubeAsUser: string;
  kubeAsGroups: string[];
  kubeAPIServer: string;
  kubeCaFile: string;
  kubeInsecureSkipTLSVerify: boolean;
  kubeTLSServerName: string;
  /** Only set by the --kubeconfig flag (client-go reads the KUBECONFIG env var itself; Helm does not copy it). */
  kubeConfig: string | undefined;
  maxHistory: number;
  burstLimit: number;
  qps: number;
  /** `--color` / `--colour`: `NO_COLOR` (non-empty) means never, else a valid `HELM_COLOR`, else auto. */
  colorMode: ColorMode;
}

/** Helm's colour modes (`--color never|auto|always`). */
export type ColorMode = 'never' | 'auto' | 'always';
export const COLOR_MODES: readonly ColorMode[] = ['never', 'auto', 'always'];

/** Values given by Helm's global flags (--namespace, --debug, …); they win over the environment. */
export type SettingsOverrides = Partial<
  Pick<
    HelmSettings,
    | 'debug'
    | 'namespace'
    | 'kubeContext'
    | 'kubeToken'
    | 'kubeAsUser'
    | 'kubeAsGroups'
    | 'kubeAPIServer'
    | 'kubeCaFile'
    | 'kubeInsecureSkipTLSVerify'
    | 'kubeTLSServerName'
    | 'kubeConfig'
    | 'registryConfig'
    | 'repositoryConfig'
    | 'repositoryCache'
    | 'contentCache'
    | 'burstLimit'
    | 'qps'
    | 'colorMode'
  >
>;

// Go's strconv.ParseBool.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);
function envBool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  return fallback;
}
function envInt(value: string | undefined, fallback: number): number {
  if (value === undefined || !/^[-+]?\d+$/.test(value)) return fallback;
  return Number.parseInt(value, 10);
}
function envColorMode(env: Env): ColorMode {
  if (env['NO_COLOR']) return 'never';
  const v = env['HELM_COLOR']?.toLowerCase();
  return (COLOR_MODES as readonly string[]).includes(v ?? '') ? (v as ColorMode) : 'auto';
}
function envFloat(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '' || Number.isNaN(Number(value))) return fallback;
  return Number(value);
}

export function loadSettings(
  env: Env = process.env,
  overrides: SettingsOverrides = {},
  platformInfo?: PlatformInfo,
): HelmSettings {
  const homes = helmHomes(env, platformInfo);
  const join = platformInfo?.platform === 'win32' ? path.win32.join : path.join;
  const or = (name: string, fallback: string): string => {
    const v = env[name];
    return v ? v : fallback;
  };
  const groups = env['HELM_KUBEASGROUPS'];
  const settings: HelmSettings = {
    ...homes,
    pluginsDirectory: or('HELM_PLUGINS', join(homes.dataHome, 'plugins')),
    registryConfig: or('HELM_REGISTRY_CONFIG', join(homes.configHome, 'registry', 'config.json')),
    repositoryConfig: or('HELM_REPOSITORY_CONFIG', join(homes.configHome, 'repositories.yaml')),
    repositoryCache: or('HELM_REPOSITORY_CACHE', join(homes.cacheHome, 'repository')),
    contentCache: or('HELM_CONTENT_CACHE', join(homes.cacheHome, 'content')),
    noPlugins: env['HELM_NO_PLUGINS'] === '1',
    debug: envBool(env['HELM_DEBUG'], false),
    namespace: or('HELM_NAMESPACE', 'default'),
    kubeContext: or('HELM_KUBECONTEXT', ''),
    kubeToken: or('HELM_KUBETOKEN', ''),
    kubeAsUser: or('HELM_KUBEASUSER', ''),
    kubeAsGroups: groups ? groups.split(',') : [],
    kubeAPIServer: or('HELM_KUBEAPISERVER', ''),
    kubeCaFile: or('HELM_KUBECAFILE', ''),
    kubeInsecureSkipTLSVerify: envBool(env['HELM_KUBEINSECURE_SKIP_TLS_VERIFY'], false),
    kubeTLSServerName: or('HELM_KUBETLS_SERVER_NAME', ''),
    kubeConfig: undefined,
    maxHistory: envInt(env['HELM_MAX_HISTORY'], 10),
    burstLimit: envInt(env['HELM_BURST_LIMIT'], 100),
    qps: envFloat(env['HELM_QPS'], 0),
    colorMode: envColorMode(env),
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v !== undefined) (settings as unknown as Record<string, unknown>)[k] = v;
  }
  return settings;
}

/** HELM_PLUGINS split as a path list (`:` on Unix, `;` on Windows), empty entries dropped. */
export function pluginDirs(settings: Pick<HelmSettings, 'pluginsDirectory'>, delimiter = path.delimiter): string[] {
  return settings.pluginsDirectory.split(delimiter).filter((d) => d !== '');
}

/** Helm's settings.EnvVars(): the HELM_* environment every plugin receives. */
export function helmEnvVars(settings: HelmSettings, helmBin: string): Record<string, string> {
  const vars: Record<string, string> = {
    HELM_BIN: helmBin,
    HELM_CACHE_HOME: settings.cacheHome,
    HELM_CONFIG_HOME: settings.configHome,
    HELM_DATA_HOME: settings.dataHome,
    HELM_DEBUG: String(settings.debug),
    HELM_PLUGINS: settings.pluginsDirectory,
    HELM_REGISTRY_CONFIG: settings.registryConfig,
    HELM_REPOSITORY_CACHE: settings.repositoryCache,
    HELM_CONTENT_CACHE: settings.contentCache,
    HELM_REPOSITORY_CONFIG: settings.repositoryConfig,
    HELM_NAMESPACE: settings.namespace,
    HELM_MAX_HISTORY: String(settings.maxHistory),
    HELM_BURST_LIMIT: String(settings.burstLimit),
    HELM_QPS: settings.qps.toFixed(2),
    HELM_KUBECONTEXT: settings.kubeContext,
    HELM_KUBETOKEN: settings.kubeToken,
    HELM_KUBEASUSER: settings.kubeAsUser,
    HELM_KUBEASGROUPS: settings.kubeAsGroups.join(','),
    HELM_KUBEAPISERVER: settings.kubeAPIServer,
    HELM_KUBECAFILE: settings.kubeCaFile,
    HELM_KUBEINSECURE_SKIP_TLS_VERIFY: String(settings.kubeInsecureSkipTLSVerify),
    HELM_KUBETLS_SERVER_NAME: settings.kubeTLSServerName,
  };
  if (settings.kubeConfig !== undefined) vars['KUBECONFIG'] = settings.kubeConfig;
  return vars;
}
