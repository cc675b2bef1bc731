import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDynamicCompletion, runDynamicCompletion } from './dynamic-completion.js';

const plugins = fileURLToPath(
  new URL('../../../../../shared/fixtures/helm/pkg/cmd/testdata/helmhome/helm/plugins/', import.meta.url),
);

describe('plugin.complete', () => {
  it("runs Helm's args fixture with the argv and environment given", async () => {
    const r = await runDynamicCompletion({
      dir: path.join(plugins, 'args'),
      name: 'args',
      argv: ['--myflag', 'start'],
      env: { HELM_NAMESPACE: 'mynamespace' },
    });
    expect(r).toEqual({
      completions: [
        'plugin.complete was called',
        'Namespace: mynamespace',
        'Num args received: 2',
        'Args received: --myflag start',
      ],
      directive: 2,
    });
  });

  it('gives undefined when there is no executable or it fails', async () => {
    expect(await runDynamicCompletion({ dir: path.join(plugins, 'fullenv'), name: 'f', argv: [], env: {} })).toBe(
      undefined,
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'helm4-complete-'));
    try {
      writeFileSync(path.join(dir, 'plugin.complete'), '#!/bin/sh\necho "$HELM_PLUGIN_NAME" >&2\necho ":4"\nexit 3\n');
      chmodSync(path.join(dir, 'plugin.complete'), 0o755);
      expect(await runDynamicCompletion({ dir, name: 'p', argv: [], env: {} })).toBeUndefined();
      writeFileSync(path.join(dir, 'plugin.complete'), '#!/bin/sh\necho "$HELM_PLUGIN_NAME" >&2\necho ":4"\n');
      expect(await runDynamicCompletion({ dir, name: 'p', argv: [], env: {} })).toEqual({
        completions: ['p'],
        directive: 4,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the output as Helm does: empty lines dropped, an optional last ':<int>'", () => {
    expect(parseDynamicCompletion('a\n\nb\n:6\n')).toEqual({ completions: ['a', 'b'], directive: 6 });
    expect(parseDynamicCompletion('a\n:x\n')).toEqual({ completions: ['a', ':x'], directive: 0 });
    expect(parseDynamicCompletion(':\n')).toEqual({ completions: [':'], directive: 0 });
    expect(parseDynamicCompletion(':+4')).toEqual({ completions: [], directive: 4 });
    expect(parseDynamicCompletion('')).toEqual({ completions: [], directive: 0 });
  });
});
