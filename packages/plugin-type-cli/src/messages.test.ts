import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cliInputMessageSchema, cliOutputMessageSchema } from './messages.js';

const pretty = (schema: z.ZodType) => `${JSON.stringify(z.toJSONSchema(schema), null, 2)}\n`;

describe('cli/v1 messages', () => {
  it('pins the JSON Schemas', async () => {
    await expect(pretty(cliInputMessageSchema)).toMatchFileSnapshot('../schema/input.schema.json');
    await expect(pretty(cliOutputMessageSchema)).toMatchFileSnapshot('../schema/output.schema.json');
  });

  it('accepts the input Helm sends', () => {
    const helm = JSON.parse('{"extraArgs":["-a","--flag=1","x"]}');
    expect(cliInputMessageSchema.parse(helm)).toEqual({ extraArgs: ['-a', '--flag=1', 'x'] });
    expect(cliInputMessageSchema.safeParse({ extraArgs: [] }).success).toBe(true);
    expect(cliInputMessageSchema.safeParse({}).success).toBe(false);
    expect(cliInputMessageSchema.safeParse({ extraArgs: [1] }).success).toBe(false);
  });

  it('accepts any JSON object as output, with an optional string `data`', () => {
    expect(cliOutputMessageSchema.safeParse({}).success).toBe(true);
    expect(cliOutputMessageSchema.safeParse({ data: 'hello' }).success).toBe(true);
    expect(cliOutputMessageSchema.safeParse({ other: [1, 2] }).success).toBe(true);
    expect(cliOutputMessageSchema.safeParse({ data: 1 }).success).toBe(false);
    expect(cliOutputMessageSchema.safeParse([]).success).toBe(false);
    expect(cliOutputMessageSchema.safeParse(null).success).toBe(false);
  });
});
