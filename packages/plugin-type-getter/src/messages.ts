import { z } from 'zod';

/**
 * Helm's `schema.GetterOptionsV1`. It has no json tags, so the wire names are the Go field names.
 * (Go plugins decode them case-insensitively; the host always sends exactly these names.)
 */
export const getterOptionsSchema = z.object({
  URL: z.string().describe('The URL the chart or file is fetched from (Helm getter.WithURL).'),
  CertFile: z.string().describe('Client TLS certificate file, or "".'),
  KeyFile: z.string().describe('Client TLS key file, or "".'),
  CAFile: z.string().describe('CA bundle file, or "".'),
  UNTar: z.boolean(),
  InsecureSkipVerifyTLS: z.boolean(),
  PlainHTTP: z.boolean(),
  AcceptHeader: z.string(),
  Username: z.string(),
  Password: z.string(),
  PassCredentialsAll: z.boolean(),
  UserAgent: z.string(),
  Version: z.string(),
  Timeout: z.int().describe('A Go time.Duration: an integer number of nanoseconds; 0 means no timeout.'),
});

export type GetterOptions = z.infer<typeof getterOptionsSchema>;

/** Helm's `schema.InputMessageGetterV1`. */
export const getterInputMessageSchema = z
  .object({
    href: z.string().describe('The URL to fetch, as the user gave it.'),
    protocol: z.string().describe('The URL scheme of href, as Go url.Parse gives it (lower case).'),
    options: getterOptionsSchema,
  })
  .meta({
    title: 'getter/v1 input message',
    description: 'The JSON a getter/v1 plugin receives (Helm schema.InputMessageGetterV1).',
  });

export type GetterInputMessage = z.infer<typeof getterInputMessageSchema>;

/**
 * Helm's `schema.OutputMessageGetterV1`: `data` is a Go `[]byte`, so standard base64 with padding. A nil slice
 * marshals as `null`, which means no bytes. Unknown keys are ignored, as Go's decoder does.
 */
export const getterOutputMessageSchema = z
  .looseObject({
    data: z.base64().nullable().describe('The fetched bytes, base64 (standard alphabet, padded); null means empty.'),
  })
  .meta({
    title: 'getter/v1 output message',
    description: 'The JSON a getter/v1 plugin returns (Helm schema.OutputMessageGetterV1).',
  });

export type GetterOutputMessage = z.infer<typeof getterOutputMessageSchema>;
