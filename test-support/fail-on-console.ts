import { afterEach, vi } from 'vitest';

// A test that makes the code under test print to the console has found a bug (libraries must not log).
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let printed: string[] = [];
for (const m of methods) {
  vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
    printed.push(`console.${m}: ${args.map(String).join(' ')}`);
  });
}
afterEach(() => {
  const seen = printed;
  printed = [];
  if (seen.length > 0) throw new Error(`unexpected console output:\n${seen.join('\n')}`);
});
