import { z } from 'zod';

/**
 * Messages exchanged with a cli/v1 plugin (Helm's `schema.InputMessageCLIV1` / `OutputMessageCLIV1`).
 * The wire names are Helm's json tags.
 */
export const cliInputMessageSchema = z
  .object({
    extraArgs: z
      .array(z.string())
      .describe('Arguments Helm did not consume itself (unknown flags included); [] when the plugin sets ignoreFlags.'),
  })
  .meta({
    title: 'cli/v1 input message',
    description: 'The JSON a cli/v1 plugin receives (Helm schema.InputMessageCLIV1).',
  });

export type CliInputMessage = z.infer<typeof cliInputMessageSchema>;

/**
 * Helm ignores a CLI plugin's output but requires it to be a JSON object (empty output fails). Helm declares
 * `data` as a `*bytes.Buffer`, which no JSON string can decode into (helm/helm#31832); we accept a string.
 */
export const cliOutputMessageSchema = z
  .looseObject({
    data: z.string().optional().describe('Ignored by the host.'),
  })
  .meta({
    title: 'cli/v1 output message',
    description: 'The JSON a cli/v1 plugin returns: any object; the host ignores it (Helm schema.OutputMessageCLIV1).',
  });

export type CliOutputMessage = z.infer<typeof cliOutputMessageSchema>;
