import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helmFixtures, ourHelm, runOurs, tempHelmHome } from './support.js';

/** Sources `helm completion bash` in bash and completes `line` (cursor at the end) with the script's function. */
function bashComplete(line: string, env: Record<string, string>, scriptArgs: string[] = []): string[] {
  const r = spawnSync(
    'bash',
    [
      '--norc',
      '--noprofile',
      '-c',
      `source <(helm completion bash ${scriptArgs.join(' ')}) || exit 9
       COMP_LINE="$1"; COMP_POINT=\${#1}; read -r -a COMP_WORDS <<< "$1"; COMP_CWORD=\${#COMP_WORDS[@]}
       __helm_complete
       printf '%s\\n' "\${COMPREPLY[@]}"`,
      'bash',
      line,
    ],
    { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

function helmOnPath(root: string): string {
  const bin = path.join(root, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'helm'), `#!/bin/sh\nexec "${process.execPath}" "${ourHelm}" "$@"\n`);
  chmodSync(path.join(bin, 'helm'), 0o755);
  return `${bin}${path.delimiter}${process.env['PATH']}`;
}

describe('helm completion bash', () => {
  it('can be sourced by bash', () => {
    using home = tempHelmHome();
    const env = { ...home.env, PATH: helmOnPath(home.root) };
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', 'source <(helm completion bash) && complete -p helm'], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^complete -o default -F __helm_complete helm\n$/);
  });

  it('completes commands, plugin commands, their completion.yaml and plugin.complete through helm __complete', () => {
    using home = tempHelmHome();
    const env = { ...home.env, HELM_PLUGINS: helmFixtures.helmhome, PATH: helmOnPath(home.root) };
    expect(bashComplete('helm ex', env)).toEqual(['exitwith']);
    expect(bashComplete('helm e', env)).toEqual([
      'echo      (echo stuff)',
      'env       (helm client environment information)',
      'exitwith  (exitwith code)',
    ]);
    expect(bashComplete('helm e', env, ['--no-descriptions'])).toEqual(['echo', 'env', 'exitwith']);
    expect(bashComplete('helm fullenv full ', env)).toEqual(['less', 'more']);
    expect(bashComplete('helm fullenv full more t', env)).toEqual(['two']);
    expect(bashComplete('helm shortenv list --a', env)).toEqual(['--all']);
    expect(bashComplete('helm plugin uninstall a', env)).toEqual(['args']);
    // Words with '=' stay one word; plugin.complete's lines are offered as they are (filtered by prefix).
    expect(bashComplete('helm --namespace=ns args p', env)).toEqual(['plugin.complete was called']);
  });
});

describe('helm completion zsh / fish', () => {
  it('print scripts that ask helm __complete, with or without descriptions', () => {
    using home = tempHelmHome();
    for (const shell of ['zsh', 'fish']) {
      const withDesc = runOurs(['completion', shell], home.env);
      expect(withDesc.status).toBe(0);
      expect(withDesc.stdout).toContain(' __complete ');
      expect(withDesc.stdout).not.toContain('__completeNoDesc');
      expect(runOurs(['completion', shell, '--no-descriptions'], home.env).stdout).toContain(' __completeNoDesc ');
    }
    expect(runOurs(['completion', 'zsh'], home.env).stdout).toMatch(/^#compdef helm\n[\s\S]*\ncompdef _helm helm\n$/);
    expect(runOurs(['completion', 'fish'], home.env).stdout).toContain(
      "complete -c helm -n '__helm_prepare_completions'",
    );
  });
});
