import { describe, expect, it } from 'vitest';
import { helmFixtures, runOurs, runReal, tempHelmHome, withoutHelmWarnings } from './support.js';

/** Requests whose answers involve only plugins, so ours must equal real Helm's exactly (stdout and stderr). */
const SAME_AS_HELM: string[][] = [
  ['fullenv', ''],
  ['fullenv', 'f'],
  ['fullenv', 'full', ''],
  ['fullenv', 'full', 'more', ''],
  ['fullenv', 'full', 'more', 't'],
  ['fullenv', 'full', 'more', '-'],
  ['fullenv', 'full', 'less', '--a'],
  ['fullenv', '-'],
  ['fullenv', '--kube'],
  ['fullenv', '--namespace=x', ''],
  ['shortenv', ''],
  ['shortenv', 'remove', ''],
  ['shortenv', 'list', '-'],
  ['exitwith', ''],
  ['exitwith', 'code', '-'],
  ['exitwith', 'code', '--'],
  ['echo', ''],
  ['args', 'x', 'y', '--kube-context', 'c', ''],
  ['args', '--namespace', ''],
  ['-n', 'ns', 'args', 'x', ''],
  ['--kube-context', 'c', 'fullenv', ''],
  ['nosuch', ''],
  ['e'],
  ['f'],
  // Helm's global flags are persistent: accepted before and after this helm's commands, and setting one does
  // not stop sub-command completion.
  ['--kube-context', 'c', 'plu'],
  ['-n', 'x', 'vers'],
  ['--kube-context=c', 'plugin', 'l'],
  ['plugin', '-n', 'x', 'u'],
  ['plugin', 'list', '--de'],
  ['plugin', 'list', '--kube-c'],
  ['plugin', 'install', 'x', '--namespace', 'ns', '--registry-c'],
  ['version', '--sh'],
];

describe('__complete for plugin commands matches real Helm 4', () => {
  it.each(SAME_AS_HELM)('helm __complete %j', (...args) => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const ours = runOurs(['__complete', ...args], env);
    const real = runReal(['__complete', ...args], env);
    expect(ours.status).toBe(0);
    expect(ours.stdout).toBe(real.stdout);
    expect(ours.stderr).toBe(withoutHelmWarnings(real.stderr));
  });

  it('the top level offers the same plugin commands as Helm, among this helm’s own commands', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const ours = runOurs(['__complete', ''], env).stdout.split('\n');
    const real = runReal(['__complete', ''], env).stdout.split('\n');
    const plugins = ['args', 'echo', 'exitwith', 'fullenv', 'shortenv'];
    const pluginLines = (lines: string[]) => lines.filter((l) => plugins.includes(l.split('\t')[0] ?? ''));
    expect(pluginLines(ours)).toEqual(pluginLines(real));
    expect(ours).toEqual(
      expect.arrayContaining([
        'plugin\tinstall, list, or uninstall Helm plugins',
        'pull\tdownload a chart from a repository and (optionally) unpack it in local directory',
      ]),
    );
    expect(ours.slice(-2)).toEqual([':4', '']);
    const candidates = ours.slice(0, -2);
    expect(candidates).toEqual([...candidates].sort());
  });

  it('descriptions can be turned off (__completeNoDesc, HELM_COMPLETION_DESCRIPTIONS=false) as in Helm', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome };
    const noDesc = runOurs(['__completeNoDesc', 'plugin', 'update', ''], env);
    expect(noDesc.stdout).toBe(runReal(['__completeNoDesc', 'plugin', 'update', ''], env).stdout);
    expect(noDesc.stdout).toBe('args\necho\nexitwith\nfullenv\nshortenv\n:4\n');
    const viaEnv = { ...env, HELM_COMPLETION_DESCRIPTIONS: 'false' };
    expect(runOurs(['__complete', 'e'], viaEnv).stdout).toBe(runReal(['__complete', 'e'], viaEnv).stdout);
  });

  it('HELM_NO_PLUGINS=1 leaves plugins out of the commands but not out of plugin uninstall, as in Helm', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome, HELM_NO_PLUGINS: '1' };
    expect(runOurs(['__complete', 'e'], env).stdout).toBe('env\thelm client environment information\n:4\n');
    expect(runReal(['__complete', 'e'], env).stdout).toBe('env\thelm client environment information\n:4\n');
    const args = ['__complete', 'plugin', 'uninstall', ''];
    expect(runOurs(args, env).stdout).toBe(runReal(args, env).stdout);
  });

  it('without arguments it fails like cobra', () => {
    using home = tempHelmHome();
    const r = runOurs(['__complete'], home.env);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('Error: requires at least 1 arg(s), only received 0\n');
  });
});
