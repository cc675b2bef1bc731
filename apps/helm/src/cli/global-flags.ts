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
