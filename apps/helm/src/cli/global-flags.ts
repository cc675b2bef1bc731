import { Helm4Error } from '@helm4/errors';
import type { SettingsOverrides } from '@helm4/settings';

/** One of Helm's global (root persistent) flags, as `helm --help` lists it. */
export interface GlobalFlag {
  name: string;
  shorthand?: string;
  usage: string;
  /** A boolean flag: takes no separate value. */
  bool?: boolean;
  /** May be repeated (cobra always offers it again in completion). */
  array?: boolean;
}

/** Helm 4's root flags, in pflag's (sorted) order, with Helm's usage strings. */
export const HELM_GLOBAL_FLAGS: readonly GlobalFlag[] = [
  { name: 'burst-limit', usage: 'client-side default throttling limit' },
  { name: 'color', usage: 'use colored output (never, auto, always)' },
  { name: 'colour', usage: 'use colored output (never, auto, always)' },
  { name: 'content-cache', usage: 'path to the directory containing cached content (e.g. charts)' },
  { name: 'debug', usage: 'enable verbose output', bool: true },
  { name: 'kube-apiserver', usage: 'the address and the port for the Kubernetes API server' },
  {
    name: 'kube-as-group',
    usage: 'group to impersonate for the operation, this flag can be repeated to specify multiple groups.',
    array: true,
  },
  { name: 'kube-as-user', usage: 'username to impersonate for the operation' },
  { name: 'kube-ca-file', usage: 'the certificate authority file for the Kubernetes API server connection' },
  { name: 'kube-context', usage: 'name of the kubeconfig context to use' },
  {
    name: 'kube-insecure-skip-tls-verify',
    usage:
      "if true, the Kubernetes API server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
    bool: true,
  },
  {
    name: 'kube-tls-server-name',
    usage:
      'server name to use for Kubernetes API server certificate validation. If it is not provided, the hostname used to contact the server is used',
  },
  { name: 'kube-token', usage: 'bearer token used for authentication' },
  { name: 'kubeconfig', usage: 'path to the kubeconfig file' },
  { name: 'namespace', shorthand: 'n', usage: 'namespace scope for this request' },
  {
    name: 'qps',
    usage: 'queries per second used when communicating with the Kubernetes API, not including bursting',
  },
  { name: 'registry-config', usage: 'path to the registry config file' },
  { name: 'repository-cache', usage: 'path to the directory containing cached repository indexes' },
  { name: 'repository-config', usage: 'path to the file containing repository names and URLs' },
];

/**
 * Where the command word is in `helm [global flags] <command> …`, found the way cobra's `Find` does before the
 * help flag exists: a `--flag` without `=` that is not boolean, or a `-x` shorthand of such a flag, consumes the
 * next argument (so `--help <word>` hides the word, and Helm shows its root help). `undefined` when no word.
 */
export function locateCommandWord(argv: readonly string[]): { word: string; index: number } | undefined {
  const byName = new Map(HELM_GLOBAL_FLAGS.map((f) => [f.name, f]));
  const byShort = new Map(HELM_GLOBAL_FLAGS.filter((f) => f.shorthand).map((f) => [f.shorthand as string, f]));
  for (let i = 0; i < argv.length; i++) {
    const s = argv[i] as string;
    if (s === '--') return undefined;
    if (s.startsWith('--') && !s.includes('=')) {
      if (byName.get(s.slice(2))?.bool !== true) i++;
      continue;
    }
    if (s.startsWith('-') && !s.includes('=') && s.length === 2) {
      if (byShort.get(s.slice(1))?.bool !== true) i++;
      continue;
    }
    if (s !== '' && !s.startsWith('-')) return { word: s, index: i };
  }
  return undefined;
}

/** Values of Helm's global flags as parsed (strings; booleans for `--debug` and `--kube-insecure-skip-tls-verify`). */
export type GlobalFlagValues = Readonly<Record<string, string | readonly string[] | boolean | undefined>>;

// Go's strconv.ParseBool.
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

const COLOR_MODES = ['never', 'auto', 'always'] as const;

function invalidValue(flag: string, value: string, reason: string): Helm4Error {
  return new Helm4Error(
    'CLI_INVALID_FLAG_VALUE',
    `invalid argument ${goQuote(value)} for "--${flag}" flag: ${reason}`,
    {
      hint: `see 'helm --help' for the global flags`,
      details: { flag: `--${flag}`, value },
    },
  );
}

/** pflag's `flag needs an argument: --name` (`'n' in -n` for a shorthand). */
function needsArgument(arg: string, flag: GlobalFlag): Helm4Error {
  const named = arg.startsWith('--') ? `--${flag.name}` : `'${flag.shorthand}' in -${flag.shorthand}`;
  return new Helm4Error('CLI_FLAG_NEEDS_ARGUMENT', `flag needs an argument: ${named}`, {
    hint: `give a value: --${flag.name} <value>`,
    details: { flag: `--${flag.name}` },
  });
}

/** Go's %q for the strings a command line carries (JSON's escapes are Go's for them). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * What Helm's global flags set, for `loadSettings(env, overrides)`: pflag's conversions and Helm's checks
 * (`--burst-limit` an int, `--qps` a float, `--color`/`--colour` one of never, auto, always; an empty
 * `--namespace` leaves it to the kubeconfig, whose default is "default"). Fails with CLI_INVALID_FLAG_VALUE.
 */
export function globalOverrides(values: GlobalFlagValues): SettingsOverrides {
  const out: SettingsOverrides = {};
  const str = (name: string): string | undefined => {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
  };
  const strings: [string, 'kubeContext' | 'kubeToken' | 'kubeAsUser' | 'kubeAPIServer' | 'kubeCaFile'][] = [
    ['kube-context', 'kubeContext'],
    ['kube-token', 'kubeToken'],
    ['kube-as-user', 'kubeAsUser'],
    ['kube-apiserver', 'kubeAPIServer'],
    ['kube-ca-file', 'kubeCaFile'],
  ];
  for (const [flag, key] of strings) {
    const v = str(flag);
    if (v !== undefined) out[key] = v;
  }
  const paths: [string, 'kubeConfig' | 'registryConfig' | 'repositoryConfig' | 'repositoryCache' | 'contentCache'][] = [
    ['kubeconfig', 'kubeConfig'],
    ['registry-config', 'registryConfig'],
    ['repository-config', 'repositoryConfig'],
    ['repository-cache', 'repositoryCache'],
    ['content-cache', 'contentCache'],
  ];
  for (const [flag, key] of paths) {
    const v = str(flag);
    if (v !== undefined) out[key] = v;
  }
  const tlsServerName = str('kube-tls-server-name');
  if (tlsServerName !== undefined) out.kubeTLSServerName = tlsServerName;
  const namespace = str('namespace');
  if (namespace !== undefined) out.namespace = namespace === '' ? 'default' : namespace;
  const groups = values['kube-as-group'];
  if (Array.isArray(groups) && groups.length > 0) out.kubeAsGroups = [...(groups as readonly string[])];
  if (typeof values['debug'] === 'boolean') out.debug = values['debug'];
  const skipTls = values['kube-insecure-skip-tls-verify'];
  if (typeof skipTls === 'boolean') out.kubeInsecureSkipTLSVerify = skipTls;
  const burst = str('burst-limit');
  if (burst !== undefined) {
    if (!/^[-+]?\d+$/.test(burst)) {
      throw invalidValue('burst-limit', burst, `strconv.ParseInt: parsing ${goQuote(burst)}: invalid syntax`);
    }
    out.burstLimit = Number.parseInt(burst, 10);
  }
  const qps = str('qps');
  if (qps !== undefined) {
    const n = Number(qps);
    if (qps.trim() === '' || qps.trim() !== qps || Number.isNaN(n)) {
      throw invalidValue('qps', qps, `strconv.ParseFloat: parsing ${goQuote(qps)}: invalid syntax`);
    }
    out.qps = Math.fround(n);
  }
  // --color and --colour set one setting; the one given last wins, as with pflag (the caller keeps only it).
  const color = str('colour') ?? str('color');
  if (color !== undefined) {
    if (!(COLOR_MODES as readonly string[]).includes(color)) {
      throw new Helm4Error(
        'CLI_INVALID_FLAG_VALUE',
        `invalid color mode ${goQuote(color)}: must be one of: never, auto, always`,
        {
          hint: 'use --color never, --color auto or --color always',
          details: { flag: '--color', value: color },
        },
      );
    }
    out.colorMode = color as (typeof COLOR_MODES)[number];
  }
  return out;
}

const byLongName = new Map(HELM_GLOBAL_FLAGS.map((f) => [f.name, f]));
const byShorthand = new Map(HELM_GLOBAL_FLAGS.filter((f) => f.shorthand).map((f) => [f.shorthand as string, f]));

/** The global flag an argument names (`--name`, `--name=v`, `-n`, `-nv`, `-n=v`), with its value if inline. */
function globalFlagOf(arg: string): { flag: GlobalFlag; inline: string | undefined } | undefined {
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    const flag = byLongName.get(eq >= 0 ? arg.slice(2, eq) : arg.slice(2));
    return flag === undefined ? undefined : { flag, inline: eq >= 0 ? arg.slice(eq + 1) : undefined };
  }
  if (arg.startsWith('-') && arg.length >= 2) {
    const flag = byShorthand.get(arg[1] as string);
    if (flag === undefined) return undefined;
    return { flag, inline: arg.length > 2 ? arg.slice(arg[2] === '=' ? 3 : 2) : undefined };
  }
  return undefined;
}

/**
 * Helm's global flags in a command's arguments, made fit for oclif's parser with pflag's meaning: Go's
 * `--debug=false` / `--kube-insecure-skip-tls-verify=true` booleans (oclif's `--no-…` / `--…`), and a value
 * flag given twice keeps its last value (pflag; oclif refuses repeats); `--color` and `--colour` are one
 * setting. Nothing after `--` is touched. Fails with CLI_INVALID_FLAG_VALUE for a boolean Go cannot parse and
 * CLI_FLAG_NEEDS_ARGUMENT for a value flag that comes last.
 */
export function normalizeGlobalArgv(argv: readonly string[]): string[] {
  const out: (string | undefined)[] = [];
  const last = new Map<string, number[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const found = globalFlagOf(arg);
    if (found === undefined) {
      out.push(arg);
      continue;
    }
    const { flag, inline } = found;
    if (flag.bool === true) {
      if (inline === undefined) {
        out.push(`--${flag.name}`);
      } else if (GO_TRUE.has(inline)) {
        out.push(`--${flag.name}`);
      } else if (GO_FALSE.has(inline)) {
        out.push(`--no-${flag.name}`);
      } else {
        throw invalidValue(flag.name, inline, `strconv.ParseBool: parsing ${goQuote(inline)}: invalid syntax`);
      }
      continue;
    }
    const at: number[] = [out.length];
    out.push(arg);
    if (inline === undefined) {
      if (i + 1 >= argv.length) throw needsArgument(arg, flag);
      at.push(out.length);
      out.push(argv[++i] as string);
    }
    if (flag.array === true) continue;
    const key = flag.name === 'colour' ? 'color' : flag.name;
    for (const j of last.get(key) ?? []) out[j] = undefined;
    last.set(key, at);
  }
  return out.filter((a): a is string => a !== undefined);
}

/**
 * The flags of a command line that runs no command (`helm --debug`, `helm plugin -n ns foo`), parsed as
 * cobra parses them against Helm's global flags: values collected (last wins, `--kube-as-group` repeats),
 * `-h`/`--help` noted; the first unknown flag is returned (an error in Helm), words are skipped.
 */
export function scanGlobalFlags(args: readonly string[]): {
  values: GlobalFlagValues;
  help: boolean;
  unknown: string | undefined;
} {
  const normalized = normalizeGlobalArgv(args);
  const values: Record<string, string | string[] | boolean> = {};
  let help = false;
  for (let i = 0; i < normalized.length; i++) {
    const arg = normalized[i] as string;
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg.startsWith('--no-') && byLongName.get(arg.slice(5))?.bool === true) {
      values[arg.slice(5)] = false;
      continue;
    }
    const found = globalFlagOf(arg);
    if (found === undefined) return { values, help, unknown: arg };
    const { flag, inline } = found;
    if (flag.bool === true) {
      values[flag.name] = true;
      continue;
    }
    const value = inline ?? (normalized[++i] as string);
    const name = flag.name === 'colour' ? 'color' : flag.name;
    values[name] = flag.array === true ? [...((values[name] as string[] | undefined) ?? []), value] : value;
  }
  globalOverrides(values);
  return { values, help, unknown: undefined };
}
