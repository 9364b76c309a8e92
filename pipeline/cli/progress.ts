// Progress on stderr for long checks and builds: rows, rate and time left, on a terminal only, after the first second.
import type { CliIO } from './io.ts';

export interface ProgressState {
  rows: number;
  bytes: number;
  totalBytes: number;
  elapsedMs: number;
}

/** One progress line: "checking 523,000 rows · 58,100 rows/s · 52% · about 8 s left". */
export function formatProgress(label: string, { rows, bytes, totalBytes, elapsedMs }: ProgressState): string {
  const seconds = elapsedMs / 1000;
  const parts = [`${label} ${rows.toLocaleString('en-US')} rows`];
  if (seconds > 0) parts.push(`${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`);
  if (totalBytes > 0 && bytes > 0) {
    const fraction = Math.min(1, bytes / totalBytes);
    parts.push(`${Math.floor(fraction * 100)}%`);
    if (fraction < 1) parts.push(`about ${Math.max(1, Math.round((seconds / fraction) * (1 - fraction)))} s left`);
  }
  return parts.join(' · ');
}

export interface Progress {
  row(): void;
  bytes(count: number): void;
  done(): void;
}

const SILENT: Progress = { row: () => {}, bytes: () => {}, done: () => {} };
const SHOW_AFTER_MS = 1000;
const EVERY_MS = 200;

/**
 * A progress reporter for stderr. It writes nothing unless stderr is a terminal and `--quiet` is
 * off, nothing during the first second (short runs stay quiet), and clears its line when done.
 */
export function createProgress(io: CliIO, label: string, totalBytes: number, quiet: boolean, now: () => number = () => performance.now()): Progress {
  if (!io.isTTY || quiet) return SILENT;
  const start = now();
  const state: ProgressState = { rows: 0, bytes: 0, totalBytes, elapsedMs: 0 };
  let lastDrawn = start;
  let shown = false;
  const draw = (): void => {
    const time = now();
    if (time - start < SHOW_AFTER_MS || time - lastDrawn < EVERY_MS) return;
    lastDrawn = time;
    state.elapsedMs = time - start;
    io.stderr(`\r\u001b[K${formatProgress(label, state)}`);
    shown = true;
  };
  return {
    row() {
      state.rows++;
      // Checking the clock on every row would cost more than the row: every 1,000th is enough.
      if (state.rows % 1000 === 0) draw();
    },
    bytes(count) {
      state.bytes += count;
    },
    done() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}
