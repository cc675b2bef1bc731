// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Helm's own ${VAR} syntax, as plugin.yaml writes it.
import { collector, rejectsWithCode } from '@helm4/runtime/contract';
import { describe, expect, it } from 'vitest';
import { createSubprocessRuntime } from '../src/subprocess-runtime.js';
import { load, TYPES, v1Yaml, writePlugin } from './support.js';

const legacy = (hooks: string) => `name: hooked\nversion: 0.1.0\ncommand: "true"\n${hooks}`;
const v1 = (hooks: string) =>
  v1Yaml('hooked', 'cli/v1', `runtimeConfig:\n  platformCommand: [{command: "true"}]\n${hooks}`);

async function runHook(yaml: string, files: Record<string, string> = {}, event: 'install' | 'update' = 'install') {
  const dir = writePlugin('hooked', yaml, files);
  const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(await load(dir));
  const stdout = collector();
  const stderr = collector();
  await plugin.invokeHook(event, { stdout: stdout.stream, stderr: stderr.stream });
  return { dir, stdout: stdout.text(), stderr: stderr.text() };
}

const printfHook = (key: string) =>
  `${key}:\n  install:\n    - command: printf\n      args: ['%s|%s\\n', '$HELM_PLUGIN_NAME', '$HELM_PLUGIN_DIR']\n`;

describe('hooks', () => {
  it('legacy `hooks:` strings run through sh -c, so the shell expands $VARS', async () => {
    const { dir, stdout } = await runHook(legacy('hooks:\n  install: \'echo "$HELM_PLUGIN_NAME|$HELM_PLUGIN_DIR"\'\n'));
    expect(stdout).toBe(`hooked|${dir}\n`);
  });

  it('legacy `platformHooks:` args are expanded by Helm (expandHookArgs)', async () => {
    const { dir, stdout } = await runHook(legacy(printfHook('platformHooks')));
    expect(stdout).toBe(`hooked|${dir}\n`);
  });

  it('v1 `platformHooks:` args are passed as written; only the command is expanded', async () => {
    const { stdout } = await runHook(v1(`  ${printfHook('platformHooks').replaceAll('\n', '\n  ').trimEnd()}\n`));
    expect(stdout).toBe('$HELM_PLUGIN_NAME|$HELM_PLUGIN_DIR\n');
    const script = { 'hook.sh': '#!/bin/sh\necho "hook in $HELM_PLUGIN_DIR" >&2\n' };
    const { dir, stderr } = await runHook(
      v1('  platformHooks:\n    install: [{command: "${HELM_PLUGIN_DIR}/hook.sh"}]\n'),
      script,
    );
    expect(stderr).toBe(`hook in ${dir}\n`);
  });

  it('runs with the parent environment, not the HELM_* settings', async () => {
    const { stdout } = await runHook(
      legacy(`hooks:\n  update: 'echo "[$HELM_NAMESPACE]"; test -n "$PATH"'\n`),
      {},
      'update',
    );
    expect(stdout).toBe(`[${process.env['HELM_NAMESPACE'] ?? ''}]\n`);
  });

  it('a failing hook is RUNTIME_HOOK_FAILED (legacy)', async () => {
    const err = await rejectsWithCode(runHook(legacy("hooks:\n  install: 'exit 4'\n")), 'RUNTIME_HOOK_FAILED');
    expect(err.details).toMatchObject({ event: 'install', reason: 'RUNTIME_EXIT', hookExitCode: 4 });
    expect(err.details?.['exitCode']).toBeUndefined();
  });

  it('a hook command that cannot start is RUNTIME_HOOK_FAILED (v1)', async () => {
    const err = await rejectsWithCode(
      runHook(v1('  platformHooks:\n    install: [{command: helm4-no-such-hook}]\n')),
      'RUNTIME_HOOK_FAILED',
    );
    expect(err.details).toMatchObject({ reason: 'RUNTIME_EXEC_FAILED', errno: 'ENOENT' });
  });

  it('a hook with no entry for this platform is RUNTIME_NO_COMMAND', async () => {
    await rejectsWithCode(
      runHook(v1('  platformHooks:\n    install: [{os: helm4-os, command: echo}]\n')),
      'RUNTIME_NO_COMMAND',
    );
  });

  it('an empty hook list is a no-op', async () => {
    expect(await runHook(v1('  platformHooks:\n    install: []\n'))).toMatchObject({ stdout: '', stderr: '' });
  });

  it('an aborted hook is RUNTIME_ABORTED', async () => {
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(
      await load(writePlugin('hooked', legacy("hooks:\n  install: 'echo no'\n"))),
    );
    await rejectsWithCode(plugin.invokeHook('install', { signal: AbortSignal.abort() }), 'RUNTIME_ABORTED');
  });
});
