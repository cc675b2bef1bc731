import { describe, expect, it } from 'vitest';
import { collector } from './streams.js';

describe('collector', () => {
  it('keeps what is written and resolves waiters when their text arrives', async () => {
    const c = collector();
    const waiting = c.waitFor('lo wo');
    c.stream.write('hel');
    c.stream.write(Buffer.from('lo world'));
    await waiting;
    await c.waitFor('hello');
    expect(c.text()).toBe('hello world');
  });
});
