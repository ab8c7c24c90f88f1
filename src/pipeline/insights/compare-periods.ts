import type { ComparedPeriods, ReportFilter } from '../../db/queries/report-scope.js';

/** Length of the current period when `--since` is not given, in days: four whole weeks. */
export const DEFAULT_PERIOD_DAYS = 28;

const DAY_MS = 86_400_000;

/**
 * Resolves the period that change figures compare: it ends on `--until`, else on the last posting
 * date, and starts on `--since`, else DEFAULT_PERIOD_DAYS before its end. The previous period has
 * the same length and ends the day before. Returns null when there are no postings to anchor on.
 */
export function resolveComparedPeriods(filter: ReportFilter, lastPostingDate: string | null): ComparedPeriods | null {
  const until = filter.until ?? lastPostingDate;
  if (until === null) {
    return null;
  }

  const untilMs = parseIsoDate(until);
  const sinceMs = filter.since === undefined ? untilMs - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS : parseIsoDate(filter.since);
  const lengthMs = untilMs - sinceMs + DAY_MS;
  if (lengthMs <= 0) {
    return null;
  }

  const previousUntilMs = sinceMs - DAY_MS;
  return {
    current: { since: formatIsoDate(sinceMs), until: formatIsoDate(untilMs) },
    previous: { since: formatIsoDate(previousUntilMs - lengthMs + DAY_MS), until: formatIsoDate(previousUntilMs) },
  };
}

/** Percentage change from `previous` to `current`, one decimal; null when there is no previous figure to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) {
    return null;
  }
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

function parseIsoDate(value: string): number {
  return Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
}

function formatIsoDate(valueMs: number): string {
  return new Date(valueMs).toISOString().slice(0, 10);
}
