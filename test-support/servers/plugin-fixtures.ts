import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A v1 cli plugin with install/update/delete hooks that echo `<event> <version>`. */
export function hookedPlugin(dir: string, name: string, version: string): string {
  mkdirSync(dir, { recursive: true });
  const hook = (event: string) =>
    `    ${event}:\n      - command: sh\n        args: ["-c", "echo ${event} ${version}"]\n`;
  writeFileSync(
    path.join(dir, 'plugin.yaml'),
    `apiVersion: v1\nname: ${name}\nversion: ${version}\ntype: cli/v1\nruntime: subprocess\nconfig:\n  usage: ${name}\nruntimeConfig:\n  platformCommand:\n    - command: sh\n      args: ["-c", "echo ${name} ${version}"]\n  platformHooks:\n${hook('install')}${hook('update')}${hook('delete')}`,
  );
  writeFileSync(path.join(dir, 'VERSION'), `${version}\n`);
  return dir;
}
