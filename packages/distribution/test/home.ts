import path from 'node:path';
import { PassThrough } from 'node:stream';
import { registry, tempDir } from './support.js';

/** A temporary Helm home with settings, collected printed lines and collected hook output. */
export function testHome() {
  const root = tempDir('helm4-home-');
  const settings = {
    pluginsDirectory: path.join(root, 'data', 'plugins'),
    dataHome: path.join(root, 'data'),
    cacheHome: path.join(root, 'cache'),
  };
  const lines: string[] = [];
  const hookOut = new PassThrough();
  let hookText = '';
  hookOut.on('data', (d: Buffer) => (hookText += d.toString()));
  return {
    root,
    settings,
    lines,
    hookText: () => hookText,
    clear() {
      lines.length = 0;
      hookText = '';
    },
    base: {
      settings,
      registry,
      print: (l: string) => lines.push(l),
      hookOutput: { stdout: hookOut, stderr: hookOut },
    },
  };
}
