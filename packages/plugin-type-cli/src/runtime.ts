/**
 * `@helm4/plugin-type-cli/runtime`: how cli/v1 plugins run on the runtimes (Helm's runCLI and the Wasm
 * message). Light: no zod, no YAML.
 */
import { isJsonObject, type PluginTypeBinding, readStringList } from '@helm4/runtime';

/** The cli/v1 input message: the arguments after `helm <plugin>`. */
export interface CliInput {
  extraArgs: string[];
}

export const cliRuntimeBinding: PluginTypeBinding<CliInput> = {
  type: 'cli/v1',
  readInput: (message, issues) => ({ extraArgs: readStringList(message['extraArgs'], ['extraArgs'], issues) }),
  wasm: {
    // Helm ignores the output but needs a JSON object (or null); `data` may be anything.
    output: (json) => (json === null || isJsonObject(json) ? { message: {} } : { invalid: 'expected a JSON object' }),
    // A CLI plugin that exits with code 0 needs no output.
    outputOnExit: {},
  },
  subprocess: {
    /** Helm's runCLI: the platform command with expanded args plus the extra args, on the caller's stdio. */
    async invoke(call, { extraArgs }, input) {
      const env = call.env(input.env);
      const { main, args } = call.command(call.config.platformCommand, true, extraArgs, env);
      await call.run({
        main,
        args,
        env,
        stdin: input.stdin ? { stream: input.stdin } : 'inherit',
        stdout: input.stdout ? { stream: input.stdout } : 'inherit',
        stderr: input.stderr ? { stream: input.stderr } : 'inherit',
        signal: input.signal,
      });
      return { message: {} };
    },
  },
};
