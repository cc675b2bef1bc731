/**
 * Command names a cli/v1 plugin cannot take. Helm 4's built-in commands and their aliases (a plugin named like
 * an alias is unreachable in Helm too: cobra finds the built-in first), the commands of this helm, and cobra's
 * hidden completion commands.
 */
export const HELM_BUILTIN_COMMANDS = [
  'completion',
  'create',
  'dependency',
  'env',
  'get',
  'help',
  'history',
  'install',
  'lint',
  'list',
  'package',
  'plugin',
  'pull',
  'push',
  'registry',
  'repo',
  'rollback',
  'search',
  'show',
  'status',
  'template',
  'test',
  'uninstall',
  'upgrade',
  'verify',
  'version',
] as const;

/** Aliases of Helm 4's built-in commands (`helm dep`, `helm ls`, …). */
export const HELM_BUILTIN_ALIASES = ['dep', 'dependencies', 'ls', 'del', 'delete', 'un', 'inspect', 'hist', 'fetch'];

/**
 * Top-level commands, topics and aliases this helm implements (oclif); kept equal to the oclif manifest by a
 * test.
 */
export const OUR_COMMANDS = ['completion', 'env', 'fetch', 'help', 'plugin', 'post-render', 'pull', 'version'] as const;

/** cobra's hidden completion commands, answered before oclif. */
export const COMPLETE_COMMANDS = ['__complete', '__completeNoDesc'] as const;

export const RESERVED_COMMAND_NAMES: ReadonlySet<string> = new Set<string>([
  ...HELM_BUILTIN_COMMANDS,
  ...HELM_BUILTIN_ALIASES,
  ...OUR_COMMANDS,
  ...COMPLETE_COMMANDS,
]);

export function isOurCommand(name: string): boolean {
  return (OUR_COMMANDS as readonly string[]).includes(name);
}
