import type { z } from 'zod';
import type { PlatformCommand } from '../subprocess-types.js';
import { goList, goString, goStruct } from './go-decode.js';

/** Decodes one `{os, arch, command, args}` entry like yaml.v3 (unknown keys ignored). */
let schema: z.ZodType<PlatformCommand, unknown> | undefined;

export function goPlatformCommand(): z.ZodType<PlatformCommand, unknown> {
  schema ??= goStruct(
    { os: goString(), arch: goString(), command: goString(), args: goList(goString()) },
    { strict: false },
  );
  return schema;
}
