import { Helm4Error } from '@helm4/errors';
import type { SettingsOverrides } from '@helm4/settings';
import { CLI_HOST_CODES } from './codes.js';

/** Helm's global flags that take a value and that a plugin's arguments may carry (manuallyProcessArgs `kvargs`). */
const VALUE_FLAGS = [
  '--kube-context',
  '--namespace',
  '-n',
  '--kubeconfig',
  '--kube-apiserver',
  '--kube-token',
  '--kube-as-user',
  '--kube-as-group',
  '--kube-ca-file',
  '--registry-config',
  '--repository-cache',
  '--repository-config',
  '--kube-insecure-skip-tls-verify',
  '--kube-tls-server-name',
] as const;

const SKIP_TLS = '--kube-insecure-skip-tls-verify';

// Go's strconv.ParseBool.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);
const parseBool = (v: string): boolean | undefined => (TRUE.has(v) ? true : FALSE.has(v) ? false : undefined);

export interface SplitHelmArgs {
  /** What the global flags among the arguments set, for `loadSettings(env, known)`. */
  known: SettingsOverrides;
  /** The global flags as given (Helm's `known`), in order. */
  knownArgs: string[];
  /** Everything else, in order: the plugin's arguments (before `ignoreFlags`). */
  unknown: string[];
}

/**
 * Helm's `manuallyProcessArgs` (pkg/cmd/load_plugins.go) followed by the parse of the known flags by the root
 * command: the arguments of `helm <plugin> …` are split into Helm's global flags, which Helm consumes and
 * reflects in the plugin's HELM_* environment, and the rest, which the plugin receives.
 *
 * `--debug` is consumed alone (`--debug=true` is not recognised and goes to the plugin, as in Helm);
 * `--kube-insecure-skip-tls-verify` consumes the next argument only when it is a boolean; the other value
 * flags take `--flag value` or `--flag=value` (`-n value` or `-n=value`). Fails with CLI_FLAG_NEEDS_ARGUMENT
 * or CLI_INVALID_FLAG_VALUE where Helm's flag parse fails.
 */
export function splitHelmArgs(args: readonly string[]): SplitHelmArgs {
  const knownArgs: string[] = [];
  const unknown: string[] = [];
  const isValueFlag = (a: string) => (VALUE_FLAGS as readonly string[]).includes(a);
  const isValueFlagWithValue = (a: string) => VALUE_FLAGS.some((f) => a.startsWith(`${f}=`));
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--debug') {
      knownArgs.push(a);
    } else if (a === SKIP_TLS) {
      const next = args[i + 1];
      if (next !== undefined && parseBool(next) !== undefined) {
        knownArgs.push(`${a}=${next}`);
        i++;
      } else {
        knownArgs.push(a);
      }
    } else if (isValueFlag(a)) {
      knownArgs.push(a);
      i++;
      if (i < args.length) knownArgs.push(args[i] as string);
    } else if (isValueFlagWithValue(a)) {
      knownArgs.push(a);
    } else {
      unknown.push(a);
    }
  }
  return { known: parseKnownArgs(knownArgs), knownArgs, unknown };
}

type StringSetting = Exclude<
  keyof SettingsOverrides,
  'debug' | 'kubeInsecureSkipTLSVerify' | 'kubeAsGroups' | 'burstLimit' | 'qps' | 'colorMode'
>;

const SETTING_OF: Record<string, StringSetting | 'kubeAsGroups'> = {
  '--kube-context': 'kubeContext',
  '--namespace': 'namespace',
  '-n': 'namespace',
  '--kubeconfig': 'kubeConfig',
  '--kube-apiserver': 'kubeAPIServer',
  '--kube-token': 'kubeToken',
  '--kube-as-user': 'kubeAsUser',
  '--kube-as-group': 'kubeAsGroups',
  '--kube-ca-file': 'kubeCaFile',
  '--registry-config': 'registryConfig',
  '--repository-cache': 'repositoryCache',
  '--repository-config': 'repositoryConfig',
  '--kube-tls-server-name': 'kubeTLSServerName',
};

/** The root command's flag parse (pflag) of the known arguments: later values win, `--kube-as-group` repeats. */
function parseKnownArgs(knownArgs: readonly string[]): SettingsOverrides {
  const out: SettingsOverrides = {};
  for (let i = 0; i < knownArgs.length; i++) {
    const a = knownArgs[i] as string;
    const eq = a.indexOf('=');
    const flag = eq >= 0 ? a.slice(0, eq) : a;
    if (flag === '--debug') {
      out.debug = true;
      continue;
    }
    if (flag === SKIP_TLS) {
      const value = eq >= 0 ? a.slice(eq + 1) : 'true';
      const parsed = parseBool(value);
      if (parsed === undefined) {
        throw new Helm4Error(
          CLI_HOST_CODES.invalidFlagValue,
          `invalid argument ${JSON.stringify(value)} for "${SKIP_TLS}" flag: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
          { hint: `use ${SKIP_TLS}=true or ${SKIP_TLS}=false`, details: { flag: SKIP_TLS, value } },
        );
      }
      out.kubeInsecureSkipTLSVerify = parsed;
      continue;
    }
    let value: string;
    if (eq >= 0) {
      value = a.slice(eq + 1);
    } else if (i + 1 < knownArgs.length) {
      value = knownArgs[++i] as string;
    } else {
      throw new Helm4Error(CLI_HOST_CODES.flagNeedsArgument, `flag needs an argument: ${flag}`, {
        hint: `give a value: ${flag} <value>`,
        details: { flag },
      });
    }
    const setting = SETTING_OF[flag];
    if (setting === 'kubeAsGroups') {
      out.kubeAsGroups = [...(out.kubeAsGroups ?? []), value];
    } else if (setting === 'namespace') {
      // An empty --namespace leaves the namespace to the kubeconfig, whose default is "default".
      out.namespace = value === '' ? 'default' : value;
    } else if (setting !== undefined) {
      out[setting] = value;
    }
  }
  return out;
}

/** The cli/v1 input message: `{extraArgs}` — no arguments at all when the plugin sets `ignoreFlags`. */
export function cliInputMessage(unknown: readonly string[], ignoreFlags: boolean): { extraArgs: string[] } {
  return { extraArgs: ignoreFlags ? [] : [...unknown] };
}
