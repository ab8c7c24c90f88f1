import type { Kysely } from 'kysely';

import { countFamilyPostingsInPeriods, findWeeklyPostingsByFamily, type WeeklyFamilyPostings } from '../../db/queries/family-trends.js';
import type { ComparedPeriods, ReportFilter } from '../../db/queries/report-scope.js';
import type { Database } from '../../db/schema.js';
import { percentChange } from './compare-periods.js';

export interface FamilyChange {
  family: string;
  current: number;
  previous: number;

  /** Percent change from the previous period; null when the family had no postings then. */
  changePercent: number | null;
}

export interface HiringTrendsReport {
  periods: ComparedPeriods | null;
  weekly: WeeklyFamilyPostings[];
  byFamily: FamilyChange[];
}

/** Summarizes weekly postings per family and each family's change against the previous period. */
export async function summarizeHiringTrends(db: Kysely<Database>, filter: ReportFilter, periods: ComparedPeriods | null): Promise<HiringTrendsReport> {
  const weekly = await findWeeklyPostingsByFamily(db, filter);
  const counts = periods === null ? [] : await countFamilyPostingsInPeriods(db, filter, periods);

  return {
    periods,
    weekly,
    byFamily: counts.map((row) => ({
      family: row.key,
      current: row.current,
      previous: row.previous,
      changePercent: percentChange(row.current, row.previous),
    })),
  };
}
