import { describe, expect, it } from 'vitest';
import type { ContractContext } from './context.js';
import { required } from './context.js';
import { rejectsWithCode } from './expect-code.js';
import { collector } from './streams.js';

export function lifecycleCases({ options, instantiate }: ContractContext): void {
  const { fixtures, skip = {} } = options;

  describe('runtime', () => {
    it('is named', () => {
      const runtime = options.createRuntime();
      expect(typeof runtime.name).toBe('string');
      expect(runtime.name.length).toBeGreaterThan(0);
    });

    it('fails with the declared code for a plugin that cannot run', async () => {
      const { plugin, code } = fixtures.broken;
      const stdout = collector();
      const run = async () => {
        const instance = await instantiate(plugin);
        await instance.invoke({ message: { extraArgs: [] }, stdout: stdout.stream, stderr: collector().stream });
      };
      await rejectsWithCode(run(), code);
      expect(stdout.text()).toBe('');
    });
  });

  describe('hooks', () => {
    it('resolves without output for an event the plugin has no hook for', async () => {
      const instance = await instantiate(fixtures.cliEcho);
      const stdout = collector();
      const stderr = collector();
      await instance.invokeHook('delete', { stdout: stdout.stream, stderr: stderr.stream });
      expect(stdout.text() + stderr.text()).toBe('');
    });

    if (skip.hooks === true) {
      it('ignores lifecycle hooks: the runtime has none (Helm runs hooks for subprocess plugins only)', async () => {
        const instance = await instantiate(fixtures.cliEcho);
        const stdout = collector();
        const stderr = collector();
        await instance.invokeHook('install', { stdout: stdout.stream, stderr: stderr.stream });
        expect(stdout.text() + stderr.text()).toBe('');
      });
    } else {
      it('runs the install hook with its output on the given stream', async () => {
        const plugin = required(fixtures.hooks, 'hooks');
        const instance = await instantiate(plugin);
        const stdout = collector();
        await instance.invokeHook('install', { stdout: stdout.stream, stderr: collector().stream });
        expect(stdout.text()).toBe(`install hook ${plugin.metadata.name}\n`);
      });
    }
  });
}
