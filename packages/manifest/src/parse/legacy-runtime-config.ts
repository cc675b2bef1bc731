import type { PlatformCommand, SubprocessRuntimeConfig } from '../subprocess-types.js';

export interface LegacyDownloader {
  protocols: string[];
  command: string;
}

export interface LegacyCommands {
  platformCommand: PlatformCommand[];
  command: string;
  platformHooks: Record<string, PlatformCommand[]>;
  hooks: Record<string, string>;
  downloaders: LegacyDownloader[];
}

const bare = (command: string, args: string[] = []): PlatformCommand => ({ os: '', arch: '', command, args });

/** Helm's buildLegacyRuntimeConfig: the deprecated keys become the subprocess runtime's v1 shape. */
export function buildLegacyRuntimeConfig(m: LegacyCommands): SubprocessRuntimeConfig {
  const platformCommand =
    m.platformCommand.length === 0 && m.command.length > 0 ? [bare(m.command)] : m.platformCommand;
  let platformHooks = m.platformHooks;
  let expandHookArgs = true;
  const hookEntries = Object.entries(m.hooks);
  if (Object.keys(platformHooks).length === 0 && hookEntries.length > 0) {
    // The shell expands `$VARS` in a legacy hook string, so Helm does not expand the args itself.
    platformHooks = Object.fromEntries(hookEntries.map(([event, hook]) => [event, [bare('sh', ['-c', hook])]]));
    expandHookArgs = false;
  }
  const protocolCommands = m.downloaders.map((d) => ({ protocols: d.protocols, platformCommand: [bare(d.command)] }));
  return { platformCommand, platformHooks, protocolCommands, expandHookArgs };
}
