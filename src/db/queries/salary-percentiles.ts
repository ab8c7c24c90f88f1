import { sql, type Kysely, type RawBuilder } from 'kysely';

import type { Database } from '../schema.js';
import { FAMILY_KEY, LOCATION_KEY, selectScopedPostings, type ReportFilter } from './report-scope.js';

export const SALARY_GROUPINGS = ['all', 'family', 'county', 'seniority'] as const;
export type SalaryGrouping = (typeof SALARY_GROUPINGS)[number];

export interface SalaryPercentiles {
  key: string;

  /** Unique postings that disclose a monthly KES salary. */
  n: number;

  /** Monthly KES; null when n is below the minimum, so suppressed figures never leave the database. */
  p25: number | null;
  p50: number | null;
  p75: number | null;
}

const GROUP_KEY: Record<SalaryGrouping, RawBuilder<string>> = {
  all: sql<string>`'all'`,
  family: FAMILY_KEY,
  county: LOCATION_KEY,
  seniority: sql<string>`coalesce(p.seniority, 'unknown')`,
};

/**
 * Computes the 25th, 50th and 75th percentile of disclosed monthly KES salaries per group, with
 * continuous interpolation (`percentile_cont`). Groups with fewer than `minN` salaries keep
 * their n but get null percentiles. Sorted by n, largest first.
 */
export async function findSalaryPercentiles(db: Kysely<Database>, filter: ReportFilter, grouping: SalaryGrouping, minN: number): Promise<SalaryPercentiles[]> {
  const key = GROUP_KEY[grouping];
  const percentile = (fraction: number) =>
    sql<number | null>`case when count(*) >= ${minN} then percentile_cont(${fraction}::float8) within group (order by p.salary_monthly_kes) end`;

  const query = selectScopedPostings(db, filter)
    .where('p.salary_monthly_kes', 'is not', null)
    .select([key.as('key'), sql<string>`count(*)`.as('n'), percentile(0.25).as('p25'), percentile(0.5).as('p50'), percentile(0.75).as('p75')])
    .having(sql`count(*)`, '>', 0);

  // PostgreSQL rejects a constant in GROUP BY, so the overall figure is a plain aggregate.
  const grouped = grouping === 'all' ? query : query.groupBy(key);
  const rows = await grouped.orderBy('n', 'desc').orderBy('key').execute();

  return rows.map((row) => ({
    key: row.key,
    n: Number(row.n),
    p25: toNumberOrNull(row.p25),
    p50: toNumberOrNull(row.p50),
    p75: toNumberOrNull(row.p75),
  }));
}

function toNumberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
