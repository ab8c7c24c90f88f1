/**
 * The report every stage returns: its status, counts, duration and grouped errors. The CLI
 * prints it as a table or JSON; the workflow stores it in `workflow_stage`.
 */
import type { ErrorGroup } from '../lib/error-tally.js';

export const STAGE_NAMES = ['migrate', 'scrape', 'process', 'learn', 'optimize', 'insights'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/**
 * - succeeded: everything done.
 * - partial: done, but failures crossed the stage's threshold (exit code 3).
 * - failed: the stage could not do its work (exit code 3, or 4 when a dependency is down).
 * - skipped: nothing to do by design (for example optimize below its threshold).
 * - interrupted: stopped by SIGINT/SIGTERM after a clean stop; `--resume` continues it.
 */
export const STAGE_STATUSES = ['succeeded', 'partial', 'failed', 'skipped', 'interrupted'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export interface StageReport<TDetails extends object = Record<string, unknown>> {
  stage: StageName;
  status: StageStatus;
  /** Flat counters, all numbers, e.g. `{ read: 600, inserted: 598, rejected: 2 }`. */
  counts: Record<string, number>;
  durationMs: number;
  /** The most common error groups, largest first. */
  errorGroups: ErrorGroup[];
  /** Why a skipped or failed stage did nothing. */
  reason?: string;
  /** Stage-specific detail (per-site summaries, reject reasons, ...). */
  details: TDetails;
}
