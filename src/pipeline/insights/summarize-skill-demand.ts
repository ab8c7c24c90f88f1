import type { Kysely } from 'kysely';

import type { ComparedPeriods, ReportFilter } from '../../db/queries/report-scope.js';
import { findRisingSkills, findTopSkills } from '../../db/queries/skill-demand.js';
import type { Database } from '../../db/schema.js';
import { percentChange } from './compare-periods.js';
import { roundShare } from './summarize-overview.js';

export interface SkillDemandReport {
  periods: ComparedPeriods | null;

  /** `share` is the fraction (0–1) of unique postings in the filter that ask for the skill. */
  top: Array<{ skill: string; postings: number; share: number | null }>;
  risers: Array<{ skill: string; current: number; previous: number; changePercent: number | null }>;
}

export const TOP_SKILLS_LIMIT = 20;
export const RISING_SKILLS_LIMIT = 10;

// A skill needs this many postings in the current period to count as rising: below it, a single
// employer's batch of adverts would dominate the list.
export const RISING_SKILL_MIN_POSTINGS = 3;

/** Summarizes the most demanded skills and the fastest risers against the previous period. */
export async function summarizeSkillDemand(
  db: Kysely<Database>,
  filter: ReportFilter,
  periods: ComparedPeriods | null,
  uniquePostings: number,
): Promise<SkillDemandReport> {
  const top = await findTopSkills(db, filter, TOP_SKILLS_LIMIT);
  const risers = periods === null ? [] : await findRisingSkills(db, filter, periods, { minCurrent: RISING_SKILL_MIN_POSTINGS, limit: RISING_SKILLS_LIMIT });

  return {
    periods,
    top: top.map((row) => ({ ...row, share: uniquePostings === 0 ? null : roundShare(row.postings / uniquePostings) })),
    risers: risers.map((row) => ({ skill: row.key, current: row.current, previous: row.previous, changePercent: percentChange(row.current, row.previous) })),
  };
}
