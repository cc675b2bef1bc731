import { z } from 'zod';

/*
 * Messages exchanged with a postrenderer/v1 plugin. Helm declares `manifests` as a `*bytes.Buffer`, which
 * encoding/json renders as `{}` (helm/helm#31832), so a Wasm post-renderer never sees the manifests in real
 * Helm 4. We deliberately send and expect a JSON string, the intended behaviour (see docs/compat.md).
 */

export const postRendererInputMessageSchema = z
  .object({
    manifests: z.string().describe('The rendered manifests, a multi-document YAML stream.'),
    extraArgs: z.array(z.string()).describe('The values of --post-renderer-args, in order.'),
  })
  .meta({
    title: 'postrenderer/v1 input message',
    description:
      'The JSON a postrenderer/v1 plugin receives (Helm schema.InputMessagePostRendererV1, with manifests as a string).',
  });

export type PostRendererInputMessage = z.infer<typeof postRendererInputMessageSchema>;

export const postRendererOutputMessageSchema = z
  .looseObject({
    manifests: z.string().describe('The post-rendered manifests, a multi-document YAML stream.'),
  })
  .meta({
    title: 'postrenderer/v1 output message',
    description:
      'The JSON a postrenderer/v1 plugin returns (Helm schema.OutputMessagePostRendererV1, with manifests as a string).',
  });

export type PostRendererOutputMessage = z.infer<typeof postRendererOutputMessageSchema>;
