import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { postRendererInputMessageSchema, postRendererOutputMessageSchema } from './messages.js';

const pretty = (schema: z.ZodType) => `${JSON.stringify(z.toJSONSchema(schema), null, 2)}\n`;

const manifests = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: FOOTEST\n---\napiVersion: v1\nkind: Secret\n';

describe('postrenderer/v1 messages', () => {
  it('pins the JSON Schemas', async () => {
    await expect(pretty(postRendererInputMessageSchema)).toMatchFileSnapshot('../schema/input.schema.json');
    await expect(pretty(postRendererOutputMessageSchema)).toMatchFileSnapshot('../schema/output.schema.json');
  });

  it('carries manifests as a string, with the extra args', () => {
    const wire = JSON.stringify({ manifests, extraArgs: ['--x', 'y'] });
    expect(postRendererInputMessageSchema.parse(JSON.parse(wire))).toEqual({ manifests, extraArgs: ['--x', 'y'] });
    expect(postRendererOutputMessageSchema.parse({ manifests })).toEqual({ manifests });
  });

  it("rejects Helm's broken bytes.Buffer encoding (helm/helm#31832)", () => {
    expect(postRendererInputMessageSchema.safeParse({ manifests: {}, extraArgs: [] }).success).toBe(false);
    expect(postRendererOutputMessageSchema.safeParse({ manifests: {} }).success).toBe(false);
  });

  it('requires manifests in the output', () => {
    expect(postRendererOutputMessageSchema.safeParse({}).success).toBe(false);
    expect(postRendererOutputMessageSchema.safeParse({ manifests: null }).success).toBe(false);
    expect(postRendererOutputMessageSchema.safeParse({ manifests: '', note: 1 }).success).toBe(true);
  });
});
