import { Helm4Error } from '@helm4/errors';
import { GETTER_OPTION_DEFAULTS } from '@helm4/plugin-type-getter/defaults';
import { RUNTIME_CODES } from '@helm4/runtime';
import { WASM_CODES } from '../codes.js';
import type { OutputJson } from '../host/worker-pool.js';

/*
 * The JSON messages of each plugin type, as the guest sees them. Inputs accept what Go would decode into Helm's
 * structs (a null list is empty, missing getter options are Go zero values); outputs are checked so a plugin
 * that returns the wrong thing fails clearly. postrenderer/v1 carries strings, not Helm's broken `bytes.Buffer`
 * encoding (docs/compat.md). Checked by hand, not with zod: this module is on the start-up path of `helm <plugin>`.
 */

type Json = Record<string, unknown>;

interface Issue {
  path: string[];
  message: string;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function stringList(value: unknown, path: string, issues: Issue[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  issues.push({ path: [path], message: 'expected a list of strings' });
  return [];
}

function string(message: Json, key: string, issues: Issue[]): string {
  const value = message[key];
  if (typeof value === 'string') return value;
  issues.push({ path: [key], message: value === undefined ? 'required' : 'expected a string' });
  return '';
}

/** Helm's GetterOptionsV1 (Go field names) and each field's zero value. */
const GETTER_OPTIONS: Readonly<Record<string, string | boolean | number>> = GETTER_OPTION_DEFAULTS;

function getterOptions(value: unknown, issues: Issue[]): Json {
  if (value === undefined || value === null) return { ...GETTER_OPTIONS };
  if (!isObject(value)) {
    issues.push({ path: ['options'], message: 'expected an object' });
    return {};
  }
  const options: Json = { ...value };
  for (const [key, zero] of Object.entries(GETTER_OPTIONS)) {
    const given = value[key];
    if (given === undefined) options[key] = zero;
    else if (typeof given !== typeof zero || (typeof zero === 'number' && !Number.isInteger(given))) {
      issues.push({
        path: ['options', key],
        message: `expected ${typeof zero === 'number' ? 'an integer' : `a ${typeof zero}`}`,
      });
    }
  }
  return options;
}

/** How one plugin type's messages cross into and out of the guest. */
export interface TypeCodec {
  /** The message the guest receives, or issues. */
  input(message: Json, issues: Issue[]): Json;
  /** The output message from the guest's JSON. */
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

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const CODECS: Readonly<Record<string, TypeCodec>> = {
  'cli/v1': {
    input: (m, issues) => ({ extraArgs: stringList(m['extraArgs'], 'extraArgs', issues) }),
    // Helm ignores the output but needs a JSON object (or null); `data` may be anything.
    output(json, plugin) {
      if (json !== null && !isObject(json)) throw invalidOutput(plugin, 'cli/v1', 'expected a JSON object');
      return {};
    },
  },
  'getter/v1': {
    input: (m, issues) => ({
      href: string(m, 'href', issues),
      protocol: string(m, 'protocol', issues),
      options: getterOptions(m['options'], issues),
    }),
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
    input: (m, issues) => ({
      manifests: string(m, 'manifests', issues),
      extraArgs: stringList(m['extraArgs'], 'extraArgs', issues),
    }),
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

/** Validates an input message and returns what the guest receives (as JSON). */
export function encodeInput(codec: TypeCodec, message: unknown, type: string, plugin: string): Json {
  const issues: Issue[] = [];
  const value = isObject(message) ? codec.input(message, issues) : undefined;
  if (value === undefined) issues.push({ path: [], message: 'expected an object' });
  if (issues.length > 0 || value === undefined) {
    throw new Helm4Error(
      RUNTIME_CODES.invalidMessage,
      `invalid ${type} input message for plugin ${JSON.stringify(plugin)}: ${issues
        .map((i) => `${i.path.join('.') || 'message'}: ${i.message}`)
        .join('; ')}`,
      { details: { plugin, type, issues } },
    );
  }
  return value;
}

/** The type's output message from the guest's output (JSON, read by the worker pool). */
export function decodeOutput(codec: TypeCodec, output: OutputJson, type: string, plugin: string, exited: boolean) {
  switch (output.kind) {
    case 'none':
      // A guest that exited with code 0 (proc_exit) had no chance to set its output.
      if (exited && type === 'cli/v1') return {};
      throw invalidOutput(plugin, type, 'no output (the output must be JSON)');
    case 'invalid':
      throw invalidOutput(plugin, type, `not JSON (${output.message})`);
    case 'json':
      return codec.output(output.value, plugin);
  }
}
