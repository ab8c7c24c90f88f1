/**
 * The descriptive patterns of the learn stage: salary ranges per family × county × seniority,
 * employer activity, and families growing or shrinking against the previous period. Each becomes a
 * learned_pattern row; nothing consumes them automatically, they are for review and for reports.
 */
import type { Kysely } from 'kysely';

import { countFamilyPostingsInPeriods } from '../../db/queries/family-trends.js';
import { findSalaryCells } from '../../db/queries/learn-sources.js';
import { EMPLOYER_ACTIVITY_KIND, FAMILY_TREND_KIND, SALARY_PATTERN_KIND, type LearnedPatternInput } from '../../db/queries/learned-patterns.js';
import { findPostingDateRange } from '../../db/queries/report-scope.js';
import { findTopEmployers } from '../../db/queries/top-employers.js';
import type { Database } from '../../db/schema.js';
import { percentChange, resolveComparedPeriods } from '../insights/compare-periods.js';
import { MIN_SALARY_SAMPLE } from '../insights/summarize-salary-insights.js';

// Estimates, not derived bounds: about 30 salaries give a median that moves little when one more
// advert arrives, and below about 40 postings over two periods a change is mostly noise.
const STABLE_SALARY_SAMPLE = 30;
const STABLE_TREND_POSTINGS = 40;

const EMPLOYERS_TO_KEEP = 50;

// A family whose count changed by less than this many percent is reported as steady.
const STEADY_CHANGE_PERCENT = 10;

/** Salary ranges where at least five postings disclose pay; confidence grows with n up to 30. */
export async function deriveSalaryPatterns(db: Kysely<Database>): Promise<LearnedPatternInput[]> {
  const cells = await findSalaryCells(db, MIN_SALARY_SAMPLE);
  return cells.map((cell) => ({
    kind: SALARY_PATTERN_KIND,
    key: `${cell.family}|${cell.county}|${cell.seniority}`,
    value: { family: cell.family, county: cell.county, seniority: cell.seniority, n: cell.n, p25: round(cell.p25), p50: round(cell.p50), p75: round(cell.p75), iqr: round(cell.p75 - cell.p25) },
    support: cell.n,
    confidence: Math.min(1, cell.n / STABLE_SALARY_SAMPLE),
    exampleIds: cell.exampleIds,
  }));
}

/** Organizations by unique postings, with duplicates and repost rate; confidence 1 because these are counts. */
export async function deriveEmployerActivity(db: Kysely<Database>): Promise<LearnedPatternInput[]> {
  const employers = await findTopEmployers(db, {}, EMPLOYERS_TO_KEEP);
  return employers.map((employer) => ({
    kind: EMPLOYER_ACTIVITY_KIND,
    key: employer.organization,
    value: { ...employer, repostRate: Math.round((employer.duplicates / (employer.postings + employer.duplicates)) * 1000) / 1000 },
    support: employer.postings,
    confidence: 1,
    exampleIds: [],
  }));
}

/** Families growing, shrinking or steady over the last 28 days against the 28 before; confidence grows with volume up to 40 postings. */
export async function deriveFamilyTrends(db: Kysely<Database>): Promise<LearnedPatternInput[]> {
  const range = await findPostingDateRange(db, {});
  const periods = resolveComparedPeriods({}, range.last);
  if (periods === null) {
    return [];
  }

  const counts = await countFamilyPostingsInPeriods(db, {}, periods);
  return counts.map((row) => {
    const changePercent = percentChange(row.current, row.previous);
    return {
      kind: FAMILY_TREND_KIND,
      key: row.key,
      value: { family: row.key, current: row.current, previous: row.previous, changePercent, direction: trendDirection(row.current, changePercent), periods },
      support: row.current + row.previous,
      confidence: Math.min(1, (row.current + row.previous) / STABLE_TREND_POSTINGS),
      exampleIds: [],
    };
  });
}

/** Names the change: new (none before), growing, shrinking, or steady within ±STEADY_CHANGE_PERCENT. */
export function trendDirection(current: number, changePercent: number | null): 'new' | 'growing' | 'shrinking' | 'steady' {
  if (changePercent === null) {
    return current > 0 ? 'new' : 'steady';
  }
  if (changePercent >= STEADY_CHANGE_PERCENT) {
    return 'growing';
  }
  return changePercent <= -STEADY_CHANGE_PERCENT ? 'shrinking' : 'steady';
}

function round(value: number): number {
  return Math.round(value);
}
