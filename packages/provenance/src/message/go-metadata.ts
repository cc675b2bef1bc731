import type { GoValue } from '../yaml/marshal.js';

/**
 * A plugin's metadata in our normalised in-memory form (structurally @helm4/manifest's PluginMetadata):
 * cli config `{usage, shortHelp, longHelp, ignoreFlags}`, getter config `{protocols}`, subprocess
 * runtimeConfig `{platformCommand, platformHooks, protocolCommands, expandHookArgs}`, extism/v1 runtimeConfig
 * `{memory, config, allowedHosts, fileSystem, timeout, hostFunctions, entryFuncName}`.
 */
export interface ProvenanceMetadata {
  apiVersion: string;
  name: string;
  type: string;
  runtime: string;
  version: string;
  sourceURL: string;
  config: Readonly<Record<string, unknown>>;
  runtimeConfig: Readonly<Record<string, unknown>>;
}

/** Converts one field of our form to what Go's encoding/json writes for the Go field. */
type Conv = (value: unknown) => GoValue;

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const goString: Conv = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const goBool: Conv = (v) => v === true;
const goInt: Conv = (v) => (typeof v === 'number' || typeof v === 'bigint' ? v : 0);

/*
 * Our form does not tell a nil slice or map from an empty one (the manifest decoder turns both into [] / {}).
 * Helm writes `null` for an absent key and `[]` / `{}` only for one written empty, so empty becomes `null`:
 * right for every absent key, which is the common case (see docs/compat.md).
 */
const goList =
  (item: Conv): Conv =>
  (v) =>
    Array.isArray(v) && v.length > 0 ? v.map(item) : null;

const goMap =
  (value: Conv): Conv =>
  (v) =>
    isRecord(v) && Object.keys(v).length > 0
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)]))
      : null;

/** A Go struct: every field, in Go's name, whether our form has it or not (zero value); other keys dropped. */
const goStruct =
  (fields: Readonly<Record<string, readonly [goName: string, conv: Conv]>>): Conv =>
  (v) => {
    const from = isRecord(v) ? v : {};
    return Object.fromEntries(Object.entries(fields).map(([key, [goName, conv]]) => [goName, conv(from[key])]));
  };

/** Fallback for a type or runtime without a table: keys get a capital first letter, the Go export rule. */
const goGeneric: Conv = (v) => {
  if (Array.isArray(v)) return v.length > 0 ? v.map(goGeneric) : null;
  if (isRecord(v)) {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k.charAt(0).toUpperCase() + k.slice(1), goGeneric(x)]),
    );
  }
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'bigint') return v;
  return null;
};

/*
 * The Go field names (helm internal/plugin: metadata.go, schema/*.go, runtime_subprocess.go,
 * subprocess_commands.go, runtime_extismv1.go). None of these structs has json tags, so encoding/json, and
 * therefore the .prov, uses the Go names. Private fields (expandHookArgs) are not written.
 */
const platformCommand = goStruct({
  os: ['OperatingSystem', goString],
  arch: ['Architecture', goString],
  command: ['Command', goString],
  args: ['Args', goList(goString)],
});

const CONFIG_BY_TYPE: Readonly<Record<string, Conv>> = {
  'cli/v1': goStruct({
    usage: ['Usage', goString],
    shortHelp: ['ShortHelp', goString],
    longHelp: ['LongHelp', goString],
    ignoreFlags: ['IgnoreFlags', goBool],
  }),
  'getter/v1': goStruct({ protocols: ['Protocols', goList(goString)] }),
  'postrenderer/v1': goStruct({}),
  'test/v1': goStruct({}),
};

const RUNTIME_CONFIG_BY_RUNTIME: Readonly<Record<string, Conv>> = {
  subprocess: goStruct({
    platformCommand: ['PlatformCommand', goList(platformCommand)],
    platformHooks: ['PlatformHooks', goMap(goList(platformCommand))],
    protocolCommands: [
      'ProtocolCommands',
      goList(
        goStruct({
          protocols: ['Protocols', goList(goString)],
          platformCommand: ['PlatformCommand', goList(platformCommand)],
        }),
      ),
    ],
  }),
  'extism/v1': goStruct({
    memory: [
      'Memory',
      goStruct({
        maxPages: ['MaxPages', goInt],
        maxHttpResponseBytes: ['MaxHTTPResponseBytes', goInt],
        maxVarBytes: ['MaxVarBytes', goInt],
      }),
    ],
    config: ['Config', goMap(goString)],
    allowedHosts: ['AllowedHosts', goList(goString)],
    fileSystem: ['FileSystem', goStruct({ createTempDir: ['CreateTempDir', goBool] })],
    timeout: ['Timeout', goInt],
    hostFunctions: ['HostFunctions', goList(goString)],
    entryFuncName: ['EntryFuncName', goString],
  }),
};

/** Helm's `Metadata` struct as encoding/json sees it: the value sigs.k8s.io/yaml marshals into the .prov. */
export function toGoMetadata(metadata: ProvenanceMetadata): GoValue {
  const config = CONFIG_BY_TYPE[metadata.type] ?? goGeneric;
  const runtimeConfig = RUNTIME_CONFIG_BY_RUNTIME[metadata.runtime] ?? goGeneric;
  return {
    APIVersion: goString(metadata.apiVersion),
    Name: goString(metadata.name),
    Type: goString(metadata.type),
    Runtime: goString(metadata.runtime),
    Version: goString(metadata.version),
    SourceURL: goString(metadata.sourceURL),
    Config: config(metadata.config),
    RuntimeConfig: runtimeConfig(metadata.runtimeConfig),
  };
}
