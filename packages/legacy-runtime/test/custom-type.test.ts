// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Helm's own ${VAR} syntax, as plugin.yaml writes it.
import type { PluginTypeBinding } from '@helm4/runtime';
import { rejectsWithCode } from '@helm4/runtime/contract';
import { describe, expect, it } from 'vitest';
import { createSubprocessRuntime } from '../src/subprocess-runtime.js';
import { load, v1Yaml, writePlugin } from './support.js';

/** A plugin type of the test's own: its binding is all the runtime needs to run it. */
const shoutBinding: PluginTypeBinding<{ word: string }> = {
  type: 'test/v1',
  readInput: (message, issues) => {
    if (typeof message['word'] !== 'string') issues.push({ path: ['word'], message: 'expected a string' });
    return { word: String(message['word']) };
  },
  subprocess: {
    async invoke(call, { word }, input) {
      const env = call.env(input.env, { SHOUT: '1' });
      const { main, args } = call.command(call.config.platformCommand, true, [word], env);
      const out = await call.run({ main, args, env, stdin: 'ignore', stdout: 'capture', stderr: 'tail' });
      return { message: { shouted: out.toString('utf8').trim().toUpperCase() } };
    },
  },
};

const script = '#!/bin/sh\necho "$1 $SHOUT $HELM_PLUGIN_NAME"\n';
const yaml = v1Yaml(
  'shout',
  'test/v1',
  'runtimeConfig:\n  platformCommand:\n    - command: "${HELM_PLUGIN_DIR}/run.sh"\n',
);

describe('a plugin type the runtime does not know', () => {
  it('runs with the binding the host gives: a new type needs no change to the runtime', async () => {
    const dir = writePlugin('shout', yaml, { 'run.sh': script });
    const plugin = await createSubprocessRuntime({ types: [shoutBinding] }).createPlugin(await load(dir));
    expect((await plugin.invoke({ message: { word: 'hey' } })).message).toEqual({ shouted: 'HEY 1 SHOUT' });
    await rejectsWithCode(plugin.invoke({ message: { word: 1 } }), 'RUNTIME_INVALID_MESSAGE');
  });

  it('is RUNTIME_UNSUPPORTED_TYPE without it', async () => {
    const dir = writePlugin('shout', yaml, { 'run.sh': script });
    const plugin = await createSubprocessRuntime().createPlugin(await load(dir));
    await rejectsWithCode(plugin.invoke({ message: { word: 'hey' } }), 'RUNTIME_UNSUPPORTED_TYPE');
  });
});
