/**
 * gosuri/uitable as Helm uses it: every cell right-padded with spaces to its column's widest cell (the
 * header included, the last column too), cells joined by a tab, rows by a newline, plus a final newline.
 */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const width = (s: string) => [...s].length;
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, width(cell));
  }
  return `${rows.map((row) => row.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - width(cell))).join('\t')).join('\n')}\n`;
}
