/** What a progress line shows: rows so far, and how far through the work (bytes or rows) when the total is known. */
export interface ProgressState {
  rows: number;
  done?: number;
  total?: number;
  /** What is going on after the reading, e.g. "writing". */
  note?: string;
}

const TTY_INTERVAL_MS = 200;
const LOG_INTERVAL_MS = 5_000;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const number = new Intl.NumberFormat("en-US");

/**
 * Progress on stderr: one line rewritten in place on a terminal, a plain line every few seconds otherwise
 * (logs, CI). Shows rows, rows/s and, with a known total, the percentage and an estimate of the time left.
 */
export class Progress {
  private readonly started = Date.now();
  private last = this.started;
  private shown = false;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly tty = Boolean(out.isTTY),
  ) {}

  update(state: ProgressState, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < (this.tty ? TTY_INTERVAL_MS : LOG_INTERVAL_MS)) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const parts = [`${number.format(state.rows)} rows`, `${number.format(Math.round(state.rows / Math.max(seconds, 0.001)))} rows/s`];
    if (state.total && state.done !== undefined && state.done > 0) {
      const fraction = Math.min(state.done / state.total, 1);
      parts.push(`${(fraction * 100).toFixed(0)}%`, `ETA ${formatDuration((seconds * (1 - fraction)) / fraction)}`);
    }
    if (state.note) parts.push(state.note);
    const line = parts.join(" · ");
    if (this.tty) {
      this.out.write(`\r\x1b[2K${line}`);
      this.shown = true;
    } else {
      this.out.write(`${line}\n`);
    }
  }

  /** Clears the terminal line before the summary is printed. */
  finish(): void {
    if (this.tty && this.shown) this.out.write("\r\x1b[2K");
  }
}
