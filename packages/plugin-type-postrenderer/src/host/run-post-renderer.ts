import { Helm4Error, isHelm4Error } from '@helm4/errors';
import type { PluginInstance } from '@helm4/runtime';
import { type PostRendererInputMessage, postRendererOutputMessageSchema } from '../messages.js';

export interface RunPostRendererOptions {
  /** Aborts the plugin run (POSTRENDERER_FAILED with reason RUNTIME_ABORTED). */
  signal?: AbortSignal;
}

/** Go's unicode.IsSpace set, which bytes.TrimSpace removes (JS trim() differs on U+0085 and U+FEFF). */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/**
 * Helm's postRendererPlugin.Run: sends `{manifests, extraArgs}` (no env, no stdio) and returns the manifests
 * the plugin produced. Failures are POSTRENDERER_FAILED (`failed to invoke post-renderer plugin "<n>": …`,
 * the runtime's code in `details.reason`, the error as `cause`); output that is only whitespace is
 * POSTRENDERER_EMPTY_OUTPUT; an output message without a manifests string is POSTRENDERER_INVALID_OUTPUT.
 */
export async function runPostRenderer(
  instance: PluginInstance,
  manifests: string,
  args: readonly string[],
  options: RunPostRendererOptions = {},
): Promise<string> {
  const name = instance.metadata.name;
  const message: PostRendererInputMessage = { manifests, extraArgs: [...args] };
  let output: unknown;
  try {
    output = (await instance.invoke({ message, ...(options.signal === undefined ? {} : { signal: options.signal }) }))
      .message;
  } catch (cause) {
    throw invokeFailed(name, cause);
  }
  const parsed = postRendererOutputMessageSchema.safeParse(output);
  if (!parsed.success) {
    throw new Helm4Error(
      'POSTRENDERER_INVALID_OUTPUT',
      `invalid output message from post-renderer ${JSON.stringify(name)}`,
      {
        details: {
          plugin: name,
          issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        },
        hint: 'a postrenderer/v1 plugin returns {"manifests": "<yaml>"}',
      },
    );
  }
  if (GO_SPACE.test(parsed.data.manifests)) {
    throw new Helm4Error('POSTRENDERER_EMPTY_OUTPUT', `post-renderer ${JSON.stringify(name)} produced empty output`, {
      details: { plugin: name },
      hint: 'the post-renderer must write the rendered manifests to its output',
    });
  }
  return parsed.data.manifests;
}

function invokeFailed(name: string, cause: unknown): Helm4Error {
  const inner = isHelm4Error(cause) ? cause : undefined;
  const reason = cause instanceof Error ? cause.message : String(cause);
  const exitCode = inner?.details?.['exitCode'];
  const stderr = inner?.details?.['stderr'];
  return new Helm4Error(
    'POSTRENDERER_FAILED',
    `failed to invoke post-renderer plugin ${JSON.stringify(name)}: ${reason}`,
    {
      cause,
      ...(inner?.hint === undefined ? {} : { hint: inner.hint }),
      // No `exitCode` key: Helm exits 1 when post-rendering fails, whatever the plugin's code.
      details: {
        plugin: name,
        ...(inner === undefined ? {} : { reason: inner.code }),
        ...(typeof exitCode === 'number' ? { pluginExitCode: exitCode } : {}),
        ...(typeof stderr === 'string' ? { stderr } : {}),
      },
    },
  );
}
