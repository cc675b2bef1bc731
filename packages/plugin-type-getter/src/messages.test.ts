import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultGetterOptions } from './defaults.js';
import { getterInputMessageSchema, getterOptionsSchema, getterOutputMessageSchema } from './messages.js';

const pretty = (schema: z.ZodType) => `${JSON.stringify(z.toJSONSchema(schema), null, 2)}\n`;

// The example input of the reference (§3), as Go's json.Marshal writes it.
const helmInput =
  '{"href":"s3://b/c.tgz","protocol":"s3","options":{"URL":"s3://b/c.tgz","CertFile":"","KeyFile":"","CAFile":"",' +
  '"UNTar":false,"InsecureSkipVerifyTLS":false,"PlainHTTP":false,"AcceptHeader":"","Username":"","Password":"",' +
  '"PassCredentialsAll":false,"UserAgent":"","Version":"","Timeout":0}}';

describe('getter/v1 messages', () => {
  it('pins the JSON Schemas', async () => {
    await expect(pretty(getterInputMessageSchema)).toMatchFileSnapshot('../schema/input.schema.json');
    await expect(pretty(getterOutputMessageSchema)).toMatchFileSnapshot('../schema/output.schema.json');
  });

  it('accepts the input Helm sends, with the Go field names', () => {
    const parsed = getterInputMessageSchema.parse(JSON.parse(helmInput));
    expect(parsed.options.URL).toBe('s3://b/c.tgz');
    expect(JSON.stringify(parsed)).toBe(helmInput);
  });

  it('takes Timeout as integer nanoseconds', () => {
    const options = { ...defaultGetterOptions(), Timeout: 120_000_000_000 };
    expect(getterOptionsSchema.safeParse(options).success).toBe(true);
    expect(getterOptionsSchema.safeParse({ ...options, Timeout: 1.5 }).success).toBe(false);
    expect(getterOptionsSchema.safeParse({ ...options, Timeout: '2m' }).success).toBe(false);
  });

  it('rejects the helm-www tutorial shape (url at the top level instead of href)', () => {
    expect(getterInputMessageSchema.safeParse({ url: 's3://b/c', protocol: 's3' }).success).toBe(false);
  });

  it('has Go zero values as default options, in Go field order', () => {
    const options = defaultGetterOptions();
    expect(getterOptionsSchema.parse(options)).toEqual(options);
    expect(Object.keys(options)).toEqual(Object.keys(getterOptionsSchema.shape));
    expect(Object.values(options).every((v) => v === '' || v === false || v === 0)).toBe(true);
    expect(defaultGetterOptions()).not.toBe(options);
  });

  it('takes output data as padded standard base64, null meaning empty', () => {
    const data = Buffer.from('apiVersion: v1\n').toString('base64');
    expect(getterOutputMessageSchema.parse({ data })).toEqual({ data });
    expect(getterOutputMessageSchema.parse({ data: null })).toEqual({ data: null });
    expect(getterOutputMessageSchema.safeParse({ data: '' }).success).toBe(true);
    expect(getterOutputMessageSchema.safeParse({ data: 'aGk' }).success).toBe(false);
    expect(getterOutputMessageSchema.safeParse({ data: 'not base64!' }).success).toBe(false);
    expect(getterOutputMessageSchema.safeParse({}).success).toBe(false);
    expect(getterOutputMessageSchema.safeParse({ data, extra: 1 }).success).toBe(true);
  });
});
