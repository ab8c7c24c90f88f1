/**
 * Progress as the core reports it: a stage calls `start`, then `update` with counts, then
 * `stop`. The CLI decides how to show it (a bar or spinner on a TTY, nothing otherwise), so the
 * core never prints.
 */

export interface ProgressUpdate {
  done: number;
  /** Known total, when there is one; enables the ETA. */
  total?: number;
  /** Short extra counts shown beside the bar, e.g. `{ rejected: 3 }`. */
  counts?: Record<string, number>;
}

export interface ProgressReporter {
  start(label: string, total?: number): void;
  update(update: ProgressUpdate): void;
  stop(finalLine?: string): void;
}

/** A reporter that shows nothing: for non-TTY output, `--json` and tests. */
export const silentProgress: ProgressReporter = {
  start: () => undefined,
  update: () => undefined,
  stop: () => undefined,
};
