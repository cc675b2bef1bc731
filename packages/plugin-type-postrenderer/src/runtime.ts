/**
 * `@helm4/plugin-type-postrenderer/runtime`: how postrenderer/v1 plugins run on the runtimes (Helm's
 * runPostrenderer and the Wasm message). Light: no zod, no YAML.
 */
import { isJsonObject, type PluginTypeBinding, readString, readStringList } from '@helm4/runtime';

/** The postrenderer/v1 input message. */
export interface PostRendererInput {
  manifests: string;
  extraArgs: string[];
}

export const postRendererRuntimeBinding: PluginTypeBinding<PostRendererInput> = {
  type: 'postrenderer/v1',
  readInput: (message, issues) => ({
    manifests: readString(message, 'manifests', issues),
    extraArgs: readStringList(message['extraArgs'], ['extraArgs'], issues),
  }),
  wasm: {
    // Strings, not Helm's broken bytes.Buffer encoding (docs/compat.md).
    output(json) {
      if (!isJsonObject(json)) return { invalid: 'expected {"manifests": "<yaml>"}' };
      const manifests = json['manifests'];
      if (typeof manifests === 'string') return { message: { manifests } };
      // What a plugin built against Helm's structs emits for a bytes.Buffer: no manifests at all.
      if (manifests === null || (isJsonObject(manifests) && Object.keys(manifests).length === 0)) {
        return { message: { manifests: '' } };
      }
      return { invalid: '"manifests" is not a string' };
    },
  },
  subprocess: {
    /**
     * Helm's runPostrenderer: the manifests go to stdin, stdout is the result. stderr is captured; Helm discards
     * it, we put its tail in the error message when the plugin fails (docs/compat.md).
     */
    async invoke(call, { manifests, extraArgs }, input) {
      const env = call.env(input.env);
      const { main, args } = call.command(call.config.platformCommand, true, extraArgs, env);
      const stdout = await call.run({
        main,
        args,
        env,
        stdin: { data: manifests },
        stdout: 'capture',
        stderr: 'tail',
        signal: input.signal,
      });
      return { message: { manifests: stdout.toString('utf8') } };
    },
  },
};
