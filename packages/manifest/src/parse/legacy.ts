import type { z } from 'zod';
import { goBool, goList, goMap, goString, goStringMap, goStruct } from '../decode/go-decode.js';
import { goPlatformCommand } from '../decode/platform-command.js';
import type { PluginRegistry } from '../registry.js';
import type { ManifestIssue, ManifestPartial, ParseManifestResult } from '../types.js';
import { decodeField, prefixIssues, type RawMap, rawField } from './fields.js';
import { checkName, checkVersion, goQuote } from './identity.js';
import { buildLegacyRuntimeConfig, type LegacyDownloader } from './legacy-runtime-config.js';
import { sanitizeString } from './sanitize.js';

const TYPE_NAME = 'plugin.MetadataLegacy';

let fieldSchemas: ReturnType<typeof buildFieldSchemas> | undefined;
function buildFieldSchemas() {
  const platformCommands = goList(goPlatformCommand());
  return {
    platformCommands,
    platformHooks: goMap(platformCommands),
    downloaders: goList(goStruct({ protocols: goList(goString()), command: goString() }, { strict: false })),
  };
}

/** A Helm 3 plugin.yaml (no apiVersion): decoded non-strictly, validated, then converted to the v1 form. */
export function parseLegacy(map: RawMap, registry: PluginRegistry): ParseManifestResult {
  const issues: ManifestIssue[] = [];
  const partial: ManifestPartial = { apiVersion: 'legacy' };
  const field = <T>(key: string, schema: z.ZodType<T, unknown>) => decodeField(map, key, schema, TYPE_NAME, issues);
  fieldSchemas ??= buildFieldSchemas();

  const name = field('name', goString());
  const version = field('version', goString());
  const usage = field('usage', goString());
  const description = field('description', goString());
  const platformCommand = field('platformCommand', fieldSchemas.platformCommands);
  const command = field('command', goString());
  const ignoreFlags = field('ignoreFlags', goBool());
  const platformHooks = field('platformHooks', fieldSchemas.platformHooks);
  const hooks = field('hooks', goStringMap());
  const downloaders: LegacyDownloader[] | undefined = field('downloaders', fieldSchemas.downloaders);

  if (name !== undefined) {
    if (name !== '') partial.name = name;
    issues.push(...checkName(name));
  }
  if (version !== undefined) {
    if (version !== '') partial.version = version;
    issues.push(...checkVersion(version, false));
  }
  if (platformCommand !== undefined && platformCommand.length > 0 && command !== undefined && command.length > 0) {
    issues.push({
      code: 'MANIFEST_COMMAND_CONFLICT',
      message: 'both platformCommand and command are set',
      path: ['command'],
    });
  }
  if (platformHooks !== undefined && Object.keys(platformHooks).length > 0 && hooks !== undefined) {
    if (Object.keys(hooks).length > 0) {
      issues.push({
        code: 'MANIFEST_HOOKS_CONFLICT',
        message: 'both platformHooks and hooks are set',
        path: ['hooks'],
      });
    }
  }
  const downloaderIssues = checkDownloaders(downloaders ?? []);
  issues.push(...downloaderIssues);

  // Helm: a legacy plugin with downloaders is a getter (only), otherwise a CLI plugin.
  const rawDownloaders = rawField(map, 'downloaders');
  const isGetter = (downloaders ?? (Array.isArray(rawDownloaders) ? rawDownloaders : [])).length > 0;
  const typeName = isGetter ? 'getter/v1' : 'cli/v1';
  const def = registry.type(typeName);
  partial.type = def?.type ?? typeName;
  if (def === undefined) {
    issues.push({ code: 'MANIFEST_UNKNOWN_TYPE', message: `unknown plugin type ${goQuote(typeName)}`, path: [] });
  }
  if (registry.runtime('subprocess') === undefined) {
    issues.push({
      code: 'MANIFEST_UNKNOWN_RUNTIME',
      message: 'unsupported plugin runtime type: "subprocess"',
      path: [],
    });
  }

  let config: Record<string, unknown> | undefined;
  if (def !== undefined) {
    let input: Record<string, unknown> | undefined;
    if (isGetter && downloaders !== undefined && downloaderIssues.length === 0) {
      input = { protocols: downloaders.flatMap((d) => d.protocols) };
    } else if (!isGetter && usage !== undefined && description !== undefined && ignoreFlags !== undefined) {
      input = { usage: '', shortHelp: sanitizeString(usage), longHelp: description, ignoreFlags };
    }
    if (input !== undefined) {
      const r = def.parseConfig(input);
      issues.push(...prefixIssues(r.issues, 'config'));
      config = r.value ?? {};
    }
  }

  if (
    issues.length > 0 ||
    config === undefined ||
    name === undefined ||
    version === undefined ||
    platformCommand === undefined ||
    command === undefined ||
    platformHooks === undefined ||
    hooks === undefined ||
    downloaders === undefined
  ) {
    return { issues, partial };
  }
  const runtimeConfig = buildLegacyRuntimeConfig({ platformCommand, command, platformHooks, hooks, downloaders });
  return {
    metadata: {
      apiVersion: 'legacy',
      name,
      type: partial.type,
      runtime: 'subprocess',
      version,
      sourceURL: '',
      config,
      runtimeConfig,
    },
    issues,
    partial,
  };
}

function checkDownloaders(downloaders: readonly LegacyDownloader[]): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  downloaders.forEach((d, i) => {
    if (d.command === '') {
      issues.push({
        code: 'MANIFEST_DOWNLOADER_NO_COMMAND',
        message: `downloader ${i} has empty command`,
        path: ['downloaders', i, 'command'],
      });
    }
    if (d.protocols.length === 0) {
      issues.push({
        code: 'MANIFEST_DOWNLOADER_NO_PROTOCOLS',
        message: `downloader ${i} has no protocols`,
        path: ['downloaders', i, 'protocols'],
      });
    }
    d.protocols.forEach((p, j) => {
      if (p === '') {
        issues.push({
          code: 'MANIFEST_DOWNLOADER_EMPTY_PROTOCOL',
          message: `downloader ${i} has empty protocol at index ${j}`,
          path: ['downloaders', i, 'protocols', j],
        });
      }
    });
  });
  return issues;
}
