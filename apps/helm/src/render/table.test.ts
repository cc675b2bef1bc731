import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';

describe('renderTable (gosuri/uitable as Helm uses it)', () => {
  it('pads every cell, the last column too, and joins with tabs', () => {
    expect(
      renderTable([
        ['NAME', 'SOURCE'],
        ['a-long-name', 'unknown'],
      ]),
    ).toBe('NAME       \tSOURCE \na-long-name\tunknown\n');
  });
});
