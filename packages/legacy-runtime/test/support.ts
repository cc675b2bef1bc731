/* Test helpers: a registry for loading plugin.yaml files, fixture paths and scratch directories. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ConfigParseResult,
  createRegistry,
  type LoadedPlugin,
  loadPluginDir,
  type PluginRegistry,
  type PluginTypeDefinition,
} from '@helm4/manifest';
import { cliRuntimeBinding } from '@helm4/plugin-type-cli/runtime';
import { getterRuntimeBinding } from '@helm4/plugin-type-getter/runtime';
import { postRendererRuntimeBinding } from '@helm4/plugin-type-postrenderer/runtime';
import type { PluginTypeBinding } from '@helm4/runtime';
import { afterEach } from 'vitest';
import { subprocessRuntime } from '../src/definition.js';

/*
 * The plugin-type packages are not dependencies of this runtime (its tests use their runtime bindings, TYPES), so
 * the types here take any config map: the runtime reads only the runtimeConfig, which the real subprocess
 * definition decodes.
 */
const anyConfig = (type: string): PluginTypeDefinition => ({
  type,
  parseConfig(raw: unknown): ConfigParseResult {
    return { value: raw !== null && typeof raw === 'object' ? { ...raw } : {}, issues: [] };
  },
});

export const registry: PluginRegistry = createRegistry({
  types: ['cli/v1', 'getter/v1', 'postrenderer/v1', 'test/v1'].map(anyConfig),
  runtimes: [subprocessRuntime],
});

export const load = (dir: string): Promise<LoadedPlugin> => loadPluginDir(dir, { registry });

/** The repository root (this file is <repo>/packages/legacy-runtime/test/support.ts). */
const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** A path in Helm's read-only fixtures (`../shared/fixtures/helm` beside the repository). */
export const helmFixture = (path: string): string => join(repo, '..', 'shared', 'fixtures', 'helm', path);

/** A fixture plugin of this package (test/fixtures/<path>). */
export const ownFixture = (path: string): string => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));

const scratch: string[] = [];
afterEach(() => {
  for (const path of scratch.splice(0)) rmSync(path, { recursive: true, force: true });
});

/** A scratch directory, removed after the current test. */
export function tempDir(prefix = 'helm4-subprocess-'): string {
  const path = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(path);
  return path;
}

/** Copies a fixture directory into a scratch directory (Helm's fixtures are read-only). */
export function copyFixture(source: string, name: string): string {
  const target = join(tempDir(), name);
  cpSync(source, target, { recursive: true });
  return target;
}

/**
 * Writes a plugin directory in a scratch directory: plugin.yaml plus files; names ending in `.sh` are made
 * executable. Returns the directory.
 */
export function writePlugin(name: string, yaml: string, files: Readonly<Record<string, string>> = {}): string {
  const dir = join(tempDir(), name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plugin.yaml'), yaml);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text, { mode: file.endsWith('.sh') ? 0o755 : 0o644 });
  }
  return dir;
}

/** A v1 subprocess plugin.yaml with the given type and extra YAML. */
export const v1Yaml = (name: string, type: string, extra: string): string =>
  `apiVersion: v1\nname: ${name}\nversion: 0.1.0\ntype: ${type}\nruntime: subprocess\n${extra}`;

/** The plugin types the tests run: the bindings of the three plugin-type packages, as a host gives them. */
export const TYPES: readonly PluginTypeBinding[] = [
  cliRuntimeBinding,
  getterRuntimeBinding,
  postRendererRuntimeBinding,
];
