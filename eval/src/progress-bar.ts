/** A progress line redrawn in place on a terminal. */
export interface ProgressBar {
  /** Redraws the line, unless it would look the same or was drawn moments ago. */
  update(done: number, total: number, label?: string): void;
  /** Clears the line, so what follows starts on a clean line. */
  finish(): void;
}

export interface ProgressBarOptions {
  /** Characters between the brackets (default 24). */
  readonly width?: number;
  /** Least time between redraws, in ms (default 80); the last step is always drawn. */
  readonly minIntervalMs?: number;
  /** Clock in ms, injectable for tests. */
  readonly now?: () => number;
}

/**
 * A one-line progress bar for stderr on a terminal. Only for a TTY: the carriage returns would
 * litter a CI log or a redirected file, so callers decide whether to create one.
 *
 * @example
 * const bar = createProgressBar((text) => process.stderr.write(text));
 * bar.update(105, 210, 'full'); // "[############            ] 105/210  50%  full"
 */
export function createProgressBar(write: (text: string) => void, options: ProgressBarOptions = {}): ProgressBar {
  const width = options.width ?? 24;
  const minInterval = options.minIntervalMs ?? 80;
  const now = options.now ?? (() => performance.now());
  let last = '';
  let drawnAt = -Infinity;
  return {
    update(done, total, label = '') {
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(share * width);
      const line = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${String(Math.floor(share * 100)).padStart(3)}%${label === '' ? '' : `  ${label}`}`;
      // Hundreds of queries a second: redrawing each would cost more than it shows.
      if (line === last || (done < total && now() - drawnAt < minInterval)) return;
      last = line;
      drawnAt = now();
      // \r back to column 0, ESC[2K erase the line: the bar redraws in place.
      write(`\r\x1b[2K${line}`);
    },
    finish() {
      if (last !== '') write('\r\x1b[2K');
      last = '';
    },
  };
}
