import { Helm4Error } from '@helm4/errors';
import { z } from 'zod';

/*
 * The input messages this runtime reads. The plugin-type packages own the full schemas; these accept what Go
 * would decode into the same structs (a missing or null list is empty, missing options are Go zero values).
 */

const goStrings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

export const cliMessage = z.looseObject({ extraArgs: goStrings });

export const postRendererMessage = z.looseObject({ manifests: z.string(), extraArgs: goStrings });

export const getterMessage = z.looseObject({
  href: z.string(),
  protocol: z.string(),
  options: z
    .looseObject({
      CertFile: z.string().default(''),
      KeyFile: z.string().default(''),
      CAFile: z.string().default(''),
      Username: z.string().default(''),
      Password: z.string().default(''),
      PassCredentialsAll: z.boolean().default(false),
    })
    .prefault({}),
});

/** Parses an input message, or throws RUNTIME_INVALID_MESSAGE naming the plugin type. */
export function readMessage<T extends z.ZodType>(
  schema: T,
  message: unknown,
  type: string,
  plugin: string,
): z.output<T> {
  const parsed = schema.safeParse(message);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
  throw new Helm4Error(
    'RUNTIME_INVALID_MESSAGE',
    `invalid ${type} input message for plugin ${JSON.stringify(plugin)}: ${z.prettifyError(parsed.error)}`,
    { details: { plugin, type, issues } },
  );
}
