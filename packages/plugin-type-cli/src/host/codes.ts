/** Every code the cli/v1 host side raises (in a Helm4Error or a quarantine issue). Listed in docs/errors.md. */
export const CLI_HOST_CODES = {
  /** A cli/v1 plugin's command name is a built-in command or is taken by an earlier plugin. */
  nameConflict: 'CLI_PLUGIN_NAME_CONFLICT',
  /** A Helm global flag that takes a value (e.g. `--namespace`) came last, without its value. */
  flagNeedsArgument: 'CLI_FLAG_NEEDS_ARGUMENT',
  /** A Helm global flag got a value of the wrong kind (e.g. `--kube-insecure-skip-tls-verify=maybe`). */
  invalidFlagValue: 'CLI_INVALID_FLAG_VALUE',
} as const;

export type CliHostCode = (typeof CLI_HOST_CODES)[keyof typeof CLI_HOST_CODES];
