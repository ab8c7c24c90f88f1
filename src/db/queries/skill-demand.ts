import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { selectMetricSkillCells, spanPeriods, type ComparedPeriods, type ReportFilter } from './report-scope.js';
import type { PeriodCounts } from './family-trends.js';

export interface SkillPostings {
  skill: string;
  postings: number;
}

/** Finds the skills asked for by the most unique postings (from metrics_daily_skill), at most `limit`, ties by name. */
export async function findTopSkills(db: Kysely<Database>, filter: ReportFilter, limit: number): Promise<SkillPostings[]> {
  const rows = await selectMetricSkillCells(db, filter)
    .select(['s.name as skill', sql<string>`sum(m.postings)`.as('postings')])
    .groupBy('s.name')
    .orderBy('postings', 'desc')
    .orderBy('s.name')
    .limit(limit)
    .execute();

  return rows.map((row) => ({ skill: row.skill, postings: Number(row.postings) }));
}

/**
 * Finds the skills whose posting count grew most from the previous period to the current one:
 * growth is (current - previous) / max(previous, 1), and a skill needs at least `minCurrent`
 * postings in the current period to be listed, so one-off mentions do not top the list.
 */
export async function findRisingSkills(
  db: Kysely<Database>,
  filter: ReportFilter,
  periods: ComparedPeriods,
  options: { minCurrent: number; limit: number },
): Promise<PeriodCounts[]> {
  const current = sql<string>`coalesce(sum(m.postings) filter (where m.date >= ${periods.current.since}::date), 0)`;
  const previous = sql<string>`coalesce(sum(m.postings) filter (where m.date <= ${periods.previous.until}::date), 0)`;
  const rows = await selectMetricSkillCells(db, spanPeriods(filter, periods))
    .select(['s.name as key', current.as('current'), previous.as('previous')])
    .groupBy('s.name')
    .having(current, '>=', sql<string>`${options.minCurrent}`)
    .orderBy(sql`(${current} - ${previous})::float8 / greatest(${previous}, 1)`, 'desc')
    .orderBy('s.name')
    .limit(options.limit)
    .execute();

  return rows.map((row) => ({ key: row.key, current: Number(row.current), previous: Number(row.previous) }));
}
