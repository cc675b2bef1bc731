import { describe, expect, it } from 'vitest';
import { helmHomeWith, runOurHelm } from '../../interop-support.js';

describe('cli-hello through our helm', () => {
  it('runs as `helm cli-hello` with the Helm settings environment', async () => {
    using home = helmHomeWith(['cli-hello']);
    const r = await runOurHelm(['cli-hello', 'x', '--namespace', 'ns-cli'], home.env);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe('Hello from a Wasm plugin!\nargs: x\nHELM_NAMESPACE: ns-cli\n');
  });
});
