import { describe, expect, it } from 'vitest';
import { createProgressBar, formatBytes, renderProgressLine } from './progress.js';

describe('progress bar', () => {
  it('shows bytes, total and rate', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(renderProgressLine('p-1.0.0.tgz', 512 * 1024, 1024 * 1024, 1000, 80)).toBe(
      'p-1.0.0.tgz [=============>             ] 512.0 KiB / 1.0 MiB  512.0 KiB/s',
    );
    expect(renderProgressLine('p.tgz', 2048, undefined, 2000, 80)).toBe('p.tgz 2.0 KiB  1.0 KiB/s');
  });

  it('redraws in place at most every interval, and ends the line when done', () => {
    let t = 0;
    const out: string[] = [];
    const bar = createProgressBar({ write: (s) => out.push(s), now: () => t, intervalMs: 100 });
    const task = bar.start('x.tgz', 300);
    task.update(100);
    t = 50;
    task.update(200);
    t = 150;
    task.update(250);
    t = 200;
    task.update(300);
    task.done();
    expect(out).toHaveLength(3);
    expect(out.every((s) => s.startsWith('\r'))).toBe(true);
    expect(out[2]).toMatch(/300 B \/ 300 B {2}1\.5 KiB\/s\n$/);
  });

  it('a failed download ends the line', () => {
    const out: string[] = [];
    const task = createProgressBar({ write: (s) => out.push(s), now: () => 0 }).start('x', undefined);
    task.update(1);
    task.fail();
    expect(out.at(-1)).toBe('\n');
  });
});
