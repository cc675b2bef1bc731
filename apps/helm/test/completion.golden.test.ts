import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmFixtures, runOurs, runReal, tempHelmHome, withoutHelmWarnings } from './support.js';

/**
 * Helm's TestPluginDynamicCompletion and TestPluginCmdsCompletion: each `__complete` command line with its
 * golden file (Helm's test harness captures stdout then stderr into one buffer).
 */
const CASES: [string, string[]][] = [
  ['plugin_args_comp.txt', ['args', '']],
  ['plugin_args_flag_comp.txt', ['args', '--myflag', '']],
  ['plugin_args_ns_comp.txt', ['args', '--namespace', 'mynamespace', '']],
  ['plugin_args_many_args_comp.txt', ['args', '--myflag', '--namespace', 'mynamespace', 'start']],
  ['plugin_echo_no_directive.txt', ['echo', '-n', 'mynamespace', '']],
  ['plugin_list_comp.txt', ['plugin', 'update', '']],
  ['plugin_list_comp.txt', ['plugin', 'update', 'full']],
  ['plugin_repeat_comp.txt', ['plugin', 'update', 'args', '']],
  ['plugin_list_comp.txt', ['plugin', 'uninstall', '']],
  ['plugin_list_comp.txt', ['plugin', 'uninstall', 'full']],
  ['plugin_repeat_comp.txt', ['plugin', 'uninstall', 'args', '']],
];

describe("__complete reproduces Helm's plugin completion goldens byte for byte", () => {
  it.each(CASES)('%s: helm __complete %j', (golden, args) => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const ours = runOurs(['__complete', ...args], env);
    expect(ours.status).toBe(0);
    expect(ours.stdout + ours.stderr).toBe(readFileSync(path.join(helmFixtures.goldens, golden), 'utf8'));
    const real = runReal(['__complete', ...args], env);
    expect(ours.stdout).toBe(real.stdout);
    expect(ours.stderr).toBe(withoutHelmWarnings(real.stderr));
  });
});
