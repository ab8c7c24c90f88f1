import { sql, type Kysely } from 'kysely';

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

const SENIORITY_KEY = sql<string>`coalesce(p.seniority, 'unknown')`;

/**
 * Computes the 25th, 50th and 75th percentile of disclosed monthly KES salaries overall and per
 * title family, county and seniority, with continuous interpolation (`percentile_cont`), in one
 * scan (GROUPING SETS). Groups with fewer than `minN` salaries keep their n but get null
 * percentiles. Each breakdown is sorted by n, largest first.
 */
export async function findSalaryPercentiles(db: Kysely<Database>, filter: ReportFilter, minN: number): Promise<Record<SalaryGrouping, SalaryPercentiles[]>> {
  const percentile = (fraction: number) =>
    sql<number | null>`case when count(*) >= ${minN} then percentile_cont(${fraction}::float8) within group (order by p.salary_monthly_kes) end`;

  // grouping(x) is 1 when the row aggregates over x, so the bits name the breakdown of each row.
  const rows = await selectScopedPostings(db, filter)
    .where('p.salary_monthly_kes', 'is not', null)
    .select([
      FAMILY_KEY.as('family'),
      LOCATION_KEY.as('county'),
      SENIORITY_KEY.as('seniority'),
      sql<number>`grouping(${FAMILY_KEY}, ${LOCATION_KEY}, ${SENIORITY_KEY})`.as('grouping_bits'),
      sql<string>`count(*)`.as('n'),
      percentile(0.25).as('p25'),
      percentile(0.5).as('p50'),
      percentile(0.75).as('p75'),
    ])
    .groupBy(sql`grouping sets ((), (${FAMILY_KEY}), (${LOCATION_KEY}), (${SENIORITY_KEY}))`)
    .orderBy('n', 'desc')
    .execute();

  const groups: Record<SalaryGrouping, SalaryPercentiles[]> = { all: [], family: [], county: [], seniority: [] };
  for (const row of rows) {
    const grouping = GROUPING_BY_BITS.get(Number(row.grouping_bits));
    if (grouping === undefined) {
      continue;
    }
    const key = grouping === 'all' ? 'all' : row[grouping];
    groups[grouping].push({ key, n: Number(row.n), p25: toNumberOrNull(row.p25), p50: toNumberOrNull(row.p50), p75: toNumberOrNull(row.p75) });
  }
  for (const list of Object.values(groups)) {
    list.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  }
  return groups;
}

// Bits of grouping(family, county, seniority): 0b111 aggregates over all three, 0b011 keeps family.
const GROUPING_BY_BITS = new Map<number, SalaryGrouping>([
  [0b111, 'all'],
  [0b011, 'family'],
  [0b101, 'county'],
  [0b110, 'seniority'],
]);

function toNumberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
