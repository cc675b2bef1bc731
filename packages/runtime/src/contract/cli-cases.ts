import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ContractContext } from './context.js';
import { rejectsWithCode } from './expect-code.js';
import { collector } from './streams.js';

const echoed = (args: readonly string[], namespace: string) =>
  `${args.map((a) => `arg: ${a}\n`).join('')}HELM_NAMESPACE=${namespace}\n`;

export function cliCases({ options, instantiate }: ContractContext): void {
  const { fixtures } = options;

  describe('cli/v1', () => {
    it('creates an instance carrying the plugin directory and metadata', async () => {
      const instance = await instantiate(fixtures.cliEcho);
      expect(instance.dir).toBe(fixtures.cliEcho.dir);
      expect(instance.metadata).toEqual(fixtures.cliEcho.metadata);
    });

    it('passes extraArgs one by one and the given env, and routes stdout and stderr', async () => {
      const instance = await instantiate(fixtures.cliEcho);
      const stdout = collector();
      const stderr = collector();
      const args = ['one', 'two words', '--flag=$HOME', ''];
      const output = await instance.invoke({
        message: { extraArgs: args },
        env: { HELM_NAMESPACE: 'contract-ns' },
        stdout: stdout.stream,
        stderr: stderr.stream,
      });
      expect(stdout.text()).toBe(echoed(args, 'contract-ns'));
      expect(stderr.text()).toBe('cli-echo: stderr\n');
      expect(typeof output.message).toBe('object');
      expect(output.message).not.toBeNull();
    });

    it('accepts no extra args', async () => {
      const instance = await instantiate(fixtures.cliEcho);
      const stdout = collector();
      await instance.invoke({
        message: { extraArgs: [] },
        env: { HELM_NAMESPACE: 'empty' },
        stdout: stdout.stream,
        stderr: collector().stream,
      });
      expect(stdout.text()).toBe(echoed([], 'empty'));
    });

    it('resolves on exit code 0 and fails with RUNTIME_EXIT carrying any other code', async () => {
      const instance = await instantiate(fixtures.cliExit);
      await expect(instance.invoke({ message: { extraArgs: ['0'] } })).resolves.toBeDefined();
      for (const code of [1, 3, 42]) {
        const err = await rejectsWithCode(instance.invoke({ message: { extraArgs: [String(code)] } }), 'RUNTIME_EXIT');
        expect(err.details?.['exitCode']).toBe(code);
      }
    });

    it('runs the same instance again after a success and after a failure', async () => {
      const echo = await instantiate(fixtures.cliEcho);
      for (const ns of ['first', 'second']) {
        const stdout = collector();
        await echo.invoke({
          message: { extraArgs: [ns] },
          env: { HELM_NAMESPACE: ns },
          stdout: stdout.stream,
          stderr: collector().stream,
        });
        expect(stdout.text()).toBe(echoed([ns], ns));
      }
      const exit = await instantiate(fixtures.cliExit);
      await rejectsWithCode(exit.invoke({ message: { extraArgs: ['5'] } }), 'RUNTIME_EXIT');
      await expect(exit.invoke({ message: { extraArgs: ['0'] } })).resolves.toBeDefined();
    });

    it('keeps the output of concurrent invocations apart', async () => {
      const instance = await instantiate(fixtures.cliEcho);
      const runs = Array.from({ length: 6 }, (_, i) => ({ i, stdout: collector() }));
      await Promise.all(
        runs.map(({ i, stdout }) =>
          instance.invoke({
            message: { extraArgs: [`run-${i}`, String(i)] },
            env: { HELM_NAMESPACE: `ns-${i}` },
            stdout: stdout.stream,
            stderr: collector().stream,
          }),
        ),
      );
      for (const { i, stdout } of runs) expect(stdout.text()).toBe(echoed([`run-${i}`, String(i)], `ns-${i}`));
    });

    it('fails with RUNTIME_INVALID_MESSAGE when the message does not match the type', async () => {
      const instance = await instantiate(fixtures.cliEcho);
      await rejectsWithCode(instance.invoke({ message: { extraArgs: 'not a list' } }), 'RUNTIME_INVALID_MESSAGE');
    });

    it('fails with RUNTIME_ABORTED for an already aborted signal', async () => {
      const instance = await instantiate(fixtures.cliEcho);
      const stdout = collector();
      await rejectsWithCode(
        instance.invoke({
          message: { extraArgs: [] },
          stdout: stdout.stream,
          stderr: collector().stream,
          signal: AbortSignal.abort(),
        }),
        'RUNTIME_ABORTED',
      );
      expect(stdout.text()).toBe('');
    });

    it('connects stdin', async () => {
      const instance = await instantiate(fixtures.cliCat);
      const stdout = collector();
      await instance.invoke({
        message: { extraArgs: [] },
        stdin: Readable.from([Buffer.from('hello '), Buffer.from('world\n')]),
        stdout: stdout.stream,
        stderr: collector().stream,
      });
      expect(stdout.text()).toBe('hello world\n');
    });

    it('stops a running plugin when its signal aborts', async () => {
      const instance = await instantiate(fixtures.cliCat);
      const stdin = new Readable({ read() {} });
      const stdout = collector();
      const controller = new AbortController();
      const running = instance.invoke({
        message: { extraArgs: [] },
        stdin,
        stdout: stdout.stream,
        stderr: collector().stream,
        signal: controller.signal,
      });
      stdin.push('ping\n');
      await stdout.waitFor('ping\n');
      controller.abort();
      await rejectsWithCode(running, 'RUNTIME_ABORTED');
      stdin.destroy();
    });
  });
}
