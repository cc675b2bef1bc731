// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Helm's own ${VAR} syntax, as plugin.yaml writes it.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedPlugin } from '@helm4/manifest';
import { collector, rejectsWithCode } from '@helm4/runtime/contract';
import { describe, expect, it, vi } from 'vitest';
import { createSubprocessRuntime } from '../src/subprocess-runtime.js';
import { load, TYPES, v1Yaml, writePlugin } from './support.js';

const command = (cmd: string, args = '[]') =>
  `runtimeConfig:\n  platformCommand:\n    - command: "${cmd.replace('$DIR', '${HELM_PLUGIN_DIR}')}"\n      args: ${args}\n`;

const cliPlugin = (script: string) =>
  writePlugin('p', v1Yaml('proc', 'cli/v1', command('$DIR/run.sh')), { 'run.sh': script });
const rendererPlugin = (script: string) =>
  writePlugin('r', v1Yaml('render', 'postrenderer/v1', command('$DIR/run.sh')), { 'run.sh': script });

const quiet = () => ({ stdout: collector().stream, stderr: collector().stream });

describe('process failures', () => {
  it('a plugin killed by a signal is RUNTIME_SIGNALED with exit code 128 + n', async () => {
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(
      await load(cliPlugin('#!/bin/sh\nkill -TERM $$\n')),
    );
    const err = await rejectsWithCode(plugin.invoke({ message: { extraArgs: [] }, ...quiet() }), 'RUNTIME_SIGNALED');
    expect(err.details).toMatchObject({ signal: 'SIGTERM', exitCode: 143 });
  });

  it('a command without its execute bit is RUNTIME_EXEC_FAILED (EACCES) with a hint', async () => {
    const dir = cliPlugin('#!/bin/sh\necho never\n');
    chmodSync(join(dir, 'run.sh'), 0o644);
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(await load(dir));
    const err = await rejectsWithCode(plugin.invoke({ message: { extraArgs: [] }, ...quiet() }), 'RUNTIME_EXEC_FAILED');
    expect(err.details?.['errno']).toBe('EACCES');
    expect(err.hint).toBeDefined();
  });

  it('a missing command is RUNTIME_EXEC_FAILED (ENOENT)', async () => {
    const dir = writePlugin('m', v1Yaml('missing', 'cli/v1', command('helm4-no-such-command')));
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(await load(dir));
    const err = await rejectsWithCode(plugin.invoke({ message: { extraArgs: [] }, ...quiet() }), 'RUNTIME_EXEC_FAILED');
    expect(err.details?.['errno']).toBe('ENOENT');
  });

  it('a command that expands to "" is RUNTIME_EXEC_FAILED', async () => {
    const dir = writePlugin('e', v1Yaml('empty', 'cli/v1', command('$HELM4_UNSET_VARIABLE')));
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(await load(dir));
    await rejectsWithCode(plugin.invoke({ message: { extraArgs: [] }, ...quiet() }), 'RUNTIME_EXEC_FAILED');
  });

  it("a post-renderer's failure carries the tail of its stderr", async () => {
    const noisy = `#!/bin/sh\ni=0\nwhile [ $i -lt 2000 ]; do echo "line $i" >&2; i=$((i+1)); done\necho 'kustomize: bad patch' >&2\nexit 1\n`;
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(await load(rendererPlugin(noisy)));
    const err = await rejectsWithCode(
      plugin.invoke({ message: { manifests: 'a: b\n', extraArgs: [] } }),
      'RUNTIME_EXIT',
    );
    const stderr = err.details?.['stderr'] as string;
    expect(stderr.endsWith('kustomize: bad patch')).toBe(true);
    expect(stderr.length).toBeLessThanOrEqual(4096);
    expect(err.details?.['exitCode']).toBe(1);
  });
});

describe('output limit', () => {
  const flood = '#!/bin/sh\nexec yes FOOTEST\n';

  it('stops a post-renderer writing more than the limit: RUNTIME_OUTPUT_TOO_LARGE', async () => {
    const plugin = await createSubprocessRuntime({ types: TYPES, maxOutputBytes: 64 * 1024 }).createPlugin(
      await load(rendererPlugin(flood)),
    );
    const err = await rejectsWithCode(
      plugin.invoke({ message: { manifests: '', extraArgs: [] } }),
      'RUNTIME_OUTPUT_TOO_LARGE',
    );
    expect(err.details?.['limit']).toBe(64 * 1024);
  });

  it('stops a getter writing more than the limit', async () => {
    const yaml = v1Yaml(
      'flood',
      'getter/v1',
      'config:\n  protocols: [x]\nruntimeConfig:\n  protocolCommands:\n    - protocols: [x]\n      platformCommand: [{command: run.sh}]\n',
    );
    const dir = writePlugin('g', yaml, { 'run.sh': flood });
    const plugin = await createSubprocessRuntime({ types: TYPES, maxOutputBytes: 1000 }).createPlugin(await load(dir));
    await rejectsWithCode(
      plugin.invoke({ message: { href: 'x://y', protocol: 'x', options: {} } }),
      'RUNTIME_OUTPUT_TOO_LARGE',
    );
  });

  it('accepts output of exactly the limit', async () => {
    const plugin = await createSubprocessRuntime({ types: TYPES, maxOutputBytes: 5 }).createPlugin(
      await load(rendererPlugin("#!/bin/sh\nprintf '12345'\n")),
    );
    const output = await plugin.invoke({ message: { manifests: '', extraArgs: [] } });
    expect(output.message).toEqual({ manifests: '12345' });
  });
});

describe('environment', () => {
  const envScript = '#!/bin/sh\nprintf "%s|%s|%s\\n" "$HELM4_TEST_A" "$HELM4_TEST_B" "$HELM_PLUGIN_DIR"\n';

  it("is the parent's environment, then the given env, then HELM_PLUGIN_NAME / HELM_PLUGIN_DIR", async () => {
    vi.stubEnv('HELM4_TEST_A', 'from-parent');
    vi.stubEnv('HELM4_TEST_B', 'from-parent');
    try {
      const dir = cliPlugin(envScript);
      const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(await load(dir));
      const stdout = collector();
      await plugin.invoke({
        message: { extraArgs: [] },
        env: { HELM4_TEST_B: 'given', HELM_PLUGIN_DIR: '/spoofed' },
        stdout: stdout.stream,
        stderr: collector().stream,
      });
      expect(stdout.text()).toBe(`from-parent|given|${dir}\n`);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('expands the command with the same environment', async () => {
    const dir = writePlugin(
      'x',
      v1Yaml('expand', 'cli/v1', command('$DIR/$HELM4_SCRIPT', '["$HELM4_ARG", "${HELM_PLUGIN_NAME}"]')),
      { 'run.sh': '#!/bin/sh\necho "$@"\n' },
    );
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(await load(dir));
    const stdout = collector();
    await plugin.invoke({
      message: { extraArgs: ['$HELM4_ARG'] },
      env: { HELM4_SCRIPT: 'run.sh', HELM4_ARG: 'expanded' },
      stdout: stdout.stream,
      stderr: collector().stream,
    });
    expect(stdout.text()).toBe('expanded expand $HELM4_ARG\n');
  });
});

describe('createPlugin and invoke checks', () => {
  const base = (metadata: Partial<LoadedPlugin['metadata']>): LoadedPlugin => ({
    dir: '/nowhere',
    metadata: {
      apiVersion: 'v1',
      name: 'hand-made',
      type: 'cli/v1',
      runtime: 'subprocess',
      version: '0.1.0',
      sourceURL: '',
      config: {},
      runtimeConfig: {},
      ...metadata,
    },
  });

  it('refuses a plugin of another runtime: RUNTIME_MISMATCH', async () => {
    await rejectsWithCode(
      createSubprocessRuntime({ types: TYPES }).createPlugin(base({ runtime: 'extism/v1' })),
      'RUNTIME_MISMATCH',
    );
  });

  it('refuses a runtimeConfig it cannot read: RUNTIME_INVALID_CONFIG', async () => {
    await rejectsWithCode(
      createSubprocessRuntime({ types: TYPES }).createPlugin(base({ runtimeConfig: { platformCommand: 'echo' } })),
      'RUNTIME_INVALID_CONFIG',
    );
  });

  it('cannot invoke a type it does not know: RUNTIME_UNSUPPORTED_TYPE', async () => {
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(
      base({ type: 'test/v1', runtimeConfig: { platformCommand: [{ command: 'true' }] } }),
    );
    await rejectsWithCode(plugin.invoke({ message: { Name: 'Phippy' } }), 'RUNTIME_UNSUPPORTED_TYPE');
  });

  it('accepts a null extraArgs (a nil Go slice)', async () => {
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(
      base({ runtimeConfig: { platformCommand: [{ command: 'true' }] } }),
    );
    await expect(plugin.invoke({ message: { extraArgs: null }, ...quiet() })).resolves.toEqual({ message: {} });
  });

  it('rejects a post-renderer message without manifests: RUNTIME_INVALID_MESSAGE', async () => {
    const plugin = await createSubprocessRuntime({ types: TYPES }).createPlugin(
      base({ type: 'postrenderer/v1', runtimeConfig: { platformCommand: [{ command: 'cat' }] } }),
    );
    await rejectsWithCode(plugin.invoke({ message: { extraArgs: [] } }), 'RUNTIME_INVALID_MESSAGE');
  });
});
