import { Helm4Error } from '@helm4/errors';
import { RUNTIME_CODES } from '@helm4/runtime';
import { z } from 'zod';
import { WASM_CODES } from '../codes.js';

/*
 * The JSON messages of each plugin type, as the guest sees them. Inputs accept what Go would decode into Helm's
 * structs (a null list is empty); outputs are checked so a plugin that returns the wrong thing fails clearly.
 * postrenderer/v1 carries strings, not Helm's broken `bytes.Buffer` encoding (docs/compat.md).
 */

const goStrings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

const cliInput = z.looseObject({ extraArgs: goStrings }).transform(({ extraArgs }) => ({ extraArgs }));

const postRendererInput = z
  .looseObject({ manifests: z.string(), extraArgs: goStrings })
  .transform(({ manifests, extraArgs }) => ({ manifests, extraArgs }));

const getterOptions = z
  .looseObject({
    URL: z.string().default(''),
    CertFile: z.string().default(''),
    KeyFile: z.string().default(''),
    CAFile: z.string().default(''),
    UNTar: z.boolean().default(false),
    InsecureSkipVerifyTLS: z.boolean().default(false),
    PlainHTTP: z.boolean().default(false),
    AcceptHeader: z.string().default(''),
    Username: z.string().default(''),
    Password: z.string().default(''),
    PassCredentialsAll: z.boolean().default(false),
    UserAgent: z.string().default(''),
    Version: z.string().default(''),
    Timeout: z.int().default(0),
  })
  .prefault({});

const getterInput = z
  .looseObject({ href: z.string(), protocol: z.string(), options: getterOptions })
  .transform(({ href, protocol, options }) => ({ href, protocol, options }));

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** How one plugin type's messages cross into and out of the guest. */
export interface TypeCodec {
  input: z.ZodType;
  /** The output message from the guest's JSON (`undefined` when the guest set no output). */
  output(json: unknown, plugin: string): unknown;
}

function invalidOutput(plugin: string, type: string, why: string): Helm4Error {
  return new Helm4Error(
    WASM_CODES.invalidOutput,
    `plugin ${JSON.stringify(plugin)} returned an invalid ${type} output: ${why}`,
    {
      details: { plugin, type },
    },
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export const CODECS: Readonly<Record<string, TypeCodec>> = {
  'cli/v1': {
    input: cliInput,
    // Helm ignores the output but needs a JSON object (or null); `data` may be anything.
    output(json, plugin) {
      if (json !== null && !isObject(json)) throw invalidOutput(plugin, 'cli/v1', 'expected a JSON object');
      return {};
    },
  },
  'getter/v1': {
    input: getterInput,
    output(json, plugin) {
      if (!isObject(json) || !Object.hasOwn(json, 'data')) {
        throw invalidOutput(plugin, 'getter/v1', 'expected {"data": "<base64>"}');
      }
      const data = json['data'];
      if (data === null) return { data: '' };
      if (typeof data !== 'string' || !BASE64.test(data)) {
        throw invalidOutput(plugin, 'getter/v1', '"data" is not standard base64');
      }
      return { data };
    },
  },
  'postrenderer/v1': {
    input: postRendererInput,
    output(json, plugin) {
      if (!isObject(json)) throw invalidOutput(plugin, 'postrenderer/v1', 'expected {"manifests": "<yaml>"}');
      const manifests = json['manifests'];
      if (typeof manifests === 'string') return { manifests };
      // What a plugin built against Helm's structs emits for a bytes.Buffer: no manifests at all.
      if (manifests === null || (isObject(manifests) && Object.keys(manifests).length === 0)) return { manifests: '' };
      throw invalidOutput(plugin, 'postrenderer/v1', '"manifests" is not a string');
    },
  },
};

/** Validates and encodes an input message as the JSON bytes the guest reads. */
export function encodeInput(codec: TypeCodec, message: unknown, type: string, plugin: string): Uint8Array {
  const parsed = codec.input.safeParse(message);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
    throw new Helm4Error(
      RUNTIME_CODES.invalidMessage,
      `invalid ${type} input message for plugin ${JSON.stringify(plugin)}: ${z.prettifyError(parsed.error)}`,
      { details: { plugin, type, issues } },
    );
  }
  return new TextEncoder().encode(JSON.stringify(parsed.data));
}

/** Decodes the guest's output bytes (JSON) into the type's output message. */
export function decodeOutput(
  codec: TypeCodec,
  bytes: Uint8Array | null,
  type: string,
  plugin: string,
  exited: boolean,
) {
  if (bytes === null || bytes.length === 0) {
    // A guest that exited with code 0 (proc_exit) had no chance to set its output.
    if (exited && type === 'cli/v1') return {};
    throw invalidOutput(plugin, type, 'no output (the output must be JSON)');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (err) {
    throw invalidOutput(plugin, type, `not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return codec.output(json, plugin);
}
