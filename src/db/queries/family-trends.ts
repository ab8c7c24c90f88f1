import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { selectMetricCells, spanPeriods, type ComparedPeriods, type ReportFilter } from './report-scope.js';

export interface WeeklyFamilyPostings {
  /** Monday of the ISO week, `YYYY-MM-DD`. */
  week: string;
  family: string;
  postings: number;
}

export interface PeriodCounts {
  key: string;
  current: number;
  previous: number;
}

/** Counts unique postings per ISO week and title family from metrics_daily, oldest week first. */
export async function findWeeklyPostingsByFamily(db: Kysely<Database>, filter: ReportFilter): Promise<WeeklyFamilyPostings[]> {
  const week = sql<string>`date_trunc('week', m.date)::date`;
  const rows = await selectMetricCells(db, filter)
    .select([week.as('week'), 'm.title_family as family', sql<string>`sum(m.postings)`.as('postings')])
    .groupBy([week, 'm.title_family'])
    .orderBy('week')
    .orderBy('family')
    .execute();

  return rows.map((row) => ({ week: row.week, family: row.family, postings: Number(row.postings) }));
}

/**
 * Counts unique postings per title family in the current and the previous period from
 * metrics_daily, in one scan over both. The filter's own dates are ignored in favour of the periods. Families with no
 * posting in either period are absent; sorted by current count, largest first.
 */
export async function countFamilyPostingsInPeriods(db: Kysely<Database>, filter: ReportFilter, periods: ComparedPeriods): Promise<PeriodCounts[]> {
  const rows = await selectMetricCells(db, spanPeriods(filter, periods))
    .select([
      'm.title_family as key',
      sql<string>`coalesce(sum(m.postings) filter (where m.date >= ${periods.current.since}::date), 0)`.as('current'),
      sql<string>`coalesce(sum(m.postings) filter (where m.date <= ${periods.previous.until}::date), 0)`.as('previous'),
    ])
    .groupBy('m.title_family')
    .orderBy('current', 'desc')
    .orderBy('key')
    .execute();

  return rows.map((row) => ({ key: row.key, current: Number(row.current), previous: Number(row.previous) }));
}
