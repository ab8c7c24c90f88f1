import type { Kysely } from 'kysely';

import type { ReportFilter } from '../../db/queries/report-scope.js';
import { findSalaryPercentiles, type SalaryGrouping, type SalaryPercentiles } from '../../db/queries/salary-percentiles.js';
import type { Database } from '../../db/schema.js';

// Percentiles of fewer than five salaries describe individual employers, not a market, and
// would let a reader work out what one advert pays; such groups are not shown.
export const MIN_SALARY_SAMPLE = 5;

export interface SalaryInsightsReport {
  minSample: number;
  overall: SalaryPercentiles | null;
  byFamily: SalaryPercentiles[];
  byCounty: SalaryPercentiles[];
  bySeniority: SalaryPercentiles[];

  /** Groups left out because n < minSample, per breakdown. */
  suppressedGroups: Record<Exclude<SalaryGrouping, 'all'>, number>;
}

/** Summarizes p25/p50/p75 of disclosed monthly KES salaries overall, by family, county and seniority. */
export async function summarizeSalaryInsights(db: Kysely<Database>, filter: ReportFilter): Promise<SalaryInsightsReport> {
  const { all, family, county, seniority } = await findSalaryPercentiles(db, filter, MIN_SALARY_SAMPLE);
  const overall = all[0];

  const isShown = (row: SalaryPercentiles) => row.n >= MIN_SALARY_SAMPLE;
  return {
    minSample: MIN_SALARY_SAMPLE,
    overall: overall !== undefined && isShown(overall) ? overall : null,
    byFamily: family.filter(isShown),
    byCounty: county.filter(isShown),
    bySeniority: seniority.filter(isShown),
    suppressedGroups: {
      family: family.length - family.filter(isShown).length,
      county: county.length - county.filter(isShown).length,
      seniority: seniority.length - seniority.filter(isShown).length,
    },
  };
}
