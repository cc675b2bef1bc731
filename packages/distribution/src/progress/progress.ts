/** Progress of downloads. Libraries report; the CLI decides whether anything is shown (a TTY only). */
export interface ProgressTask {
  update(received: number): void;
  done(): void;
  fail(): void;
}

export interface ProgressReporter {
  start(label: string, total: number | undefined): ProgressTask;
}

export interface ProgressBarOptions {
  /** Where the bar is drawn (stderr); it must be a terminal, the caller checks. */
  write: (text: string) => void;
  /** Terminal width; default 80. */
  columns?: number;
  /** Milliseconds clock; Date.now by default (tests pass their own). */
  now?: () => number;
  /** Redraws at most this often (ms); default 100. */
  intervalMs?: number;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(n: number): string {
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** One line per download, redrawn in place: `label [=====>    ] 1.2 MiB / 3.4 MiB  512.0 KiB/s`. */
export function renderProgressLine(
  label: string,
  received: number,
  total: number | undefined,
  elapsedMs: number,
  columns: number,
): string {
  const rate = elapsedMs > 0 ? `${formatBytes(Math.round((received * 1000) / elapsedMs))}/s` : '';
  const amount = total === undefined ? formatBytes(received) : `${formatBytes(received)} / ${formatBytes(total)}`;
  const tail = ` ${amount}  ${rate}`.trimEnd();
  const barWidth = total === undefined ? 0 : Math.max(10, Math.min(30, columns - tail.length - 20));
  let bar = '';
  if (total !== undefined) {
    const filled = total === 0 ? barWidth : Math.min(barWidth, Math.floor((received / total) * barWidth));
    bar = ` [${'='.repeat(filled)}${filled < barWidth ? '>' : ''}${' '.repeat(Math.max(0, barWidth - filled - 1))}]`;
  }
  const room = Math.max(8, columns - bar.length - tail.length - 1);
  const shownLabel = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
  return `${shownLabel}${bar}${tail}`;
}

/** A progress bar for a terminal: redrawn with `\r`, at most every `intervalMs`, ended with a newline. */
export function createProgressBar(options: ProgressBarOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  const columns = options.columns ?? 80;
  const interval = options.intervalMs ?? 100;
  return {
    start(label, total) {
      const started = now();
      let last = Number.NEGATIVE_INFINITY;
      let received = 0;
      let width = 0;
      const draw = (final: boolean) => {
        const line = renderProgressLine(label, received, total, now() - started, columns);
        const pad = Math.max(0, width - line.length);
        width = line.length;
        options.write(`\r${line}${' '.repeat(pad)}${final ? '\n' : ''}`);
      };
      return {
        update(n) {
          received = n;
          const t = now();
          if (t - last >= interval) {
            last = t;
            draw(false);
          }
        },
        done() {
          draw(true);
        },
        fail() {
          if (width > 0) options.write('\n');
        },
      };
    },
  };
}
