import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { FAMILY_KEY, POSTING_DATE, selectScopedPostings, spanPeriods, type ComparedPeriods, type ReportFilter } from './report-scope.js';

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

/** Counts unique postings per ISO week and title family, oldest week first. */
export async function findWeeklyPostingsByFamily(db: Kysely<Database>, filter: ReportFilter): Promise<WeeklyFamilyPostings[]> {
  const week = sql<string>`date_trunc('week', ${POSTING_DATE})::date`;
  const rows = await selectScopedPostings(db, filter)
    .select([week.as('week'), FAMILY_KEY.as('family'), sql<string>`count(*)`.as('postings')])
    .groupBy([week, FAMILY_KEY])
    .orderBy('week')
    .orderBy('family')
    .execute();

  return rows.map((row) => ({ week: row.week, family: row.family, postings: Number(row.postings) }));
}

/**
 * Counts unique postings per title family in the current and the previous period, in one scan
 * over both. The filter's own dates are ignored in favour of the periods. Families with no
 * posting in either period are absent; sorted by current count, largest first.
 */
export async function countFamilyPostingsInPeriods(db: Kysely<Database>, filter: ReportFilter, periods: ComparedPeriods): Promise<PeriodCounts[]> {
  const rows = await selectScopedPostings(db, spanPeriods(filter, periods))
    .select([
      FAMILY_KEY.as('key'),
      sql<string>`count(*) filter (where ${POSTING_DATE} >= ${periods.current.since})`.as('current'),
      sql<string>`count(*) filter (where ${POSTING_DATE} <= ${periods.previous.until})`.as('previous'),
    ])
    .groupBy(FAMILY_KEY)
    .orderBy('current', 'desc')
    .orderBy('key')
    .execute();

  return rows.map((row) => ({ key: row.key, current: Number(row.current), previous: Number(row.previous) }));
}
