import type { Kysely } from 'kysely';

import { findChangedPostingDates, findLatestProcessedAt, refreshMetricsDaily } from '../../db/queries/metrics-daily.js';
import { findLatestProcessingLogEntry, insertProcessingLogEntry } from '../../db/queries/processing-log-entries.js';
import type { Database } from '../../db/schema.js';
import { InterruptedError } from '../../lib/errors.js';

export interface MetricsRefresh {
  isFull: boolean;
  dates: number;
  cells: number;
}

// Dates recomputed per transaction: small enough that an interrupt loses little work and the
// embedded store's memory stays bounded, large enough that a two-year rebuild takes few rounds.
const DATES_PER_TRANSACTION = 60;

const LOG_STAGE = 'insights';
const LOG_MESSAGE = 'metrics_daily refreshed';

/**
 * Brings metrics_daily up to date: recomputes only the dates of postings processed since the
 * last refresh (every date on the first run or when `isFull`), then records the new watermark
 * in processing_log. Stops between transactions when `signal` aborts, throwing InterruptedError;
 * the dates already written stay correct and the watermark is not moved, so the next run redoes
 * the rest.
 */
export async function refreshChangedMetrics(db: Kysely<Database>, options: { isFull: boolean; signal: AbortSignal }): Promise<MetricsRefresh> {
  const previous = options.isFull ? undefined : await findLatestProcessingLogEntry(db, LOG_STAGE, LOG_MESSAGE);
  const processedAfter = typeof previous?.details.processedThrough === 'string' ? previous.details.processedThrough : null;

  // Read before the dates, so postings processed while this runs are picked up next time.
  const processedThrough = await findLatestProcessedAt(db);
  const dates = await findChangedPostingDates(db, processedAfter);

  let cells = 0;
  for (let start = 0; start < dates.length; start += DATES_PER_TRANSACTION) {
    if (options.signal.aborted) {
      throw new InterruptedError('metrics_daily refresh interrupted', { context: { datesDone: start, datesTotal: dates.length } });
    }
    cells += await refreshMetricsDaily(db, dates.slice(start, start + DATES_PER_TRANSACTION));
  }

  const isFull = processedAfter === null;
  if (processedThrough !== null) {
    await insertProcessingLogEntry(db, {
      stage: LOG_STAGE,
      message: LOG_MESSAGE,
      details: { processedThrough, isFull, dates: dates.length, cells },
    });
  }
  return { isFull, dates: dates.length, cells };
}
