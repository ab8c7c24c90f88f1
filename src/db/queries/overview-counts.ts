import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { selectScopedPostings, type ReportFilter } from './report-scope.js';

export interface SourceOverviewCounts {
  source: string;
  processed: number;
  unique: number;
  duplicates: number;
  rejected: number;

  /** Unique postings whose quality score is at or above the threshold. */
  highQuality: number;

  /** Unique postings with a disclosed monthly KES salary. */
  withSalary: number;
}

/**
 * Counts processed postings per source in one grouped scan: unique ones, duplicates of an
 * earlier posting, rejects (not a job), and unique ones at or above `qualityThreshold` (0–1).
 * A rejected duplicate counts as rejected. Sources are sorted by unique postings, largest first.
 */
export async function countPostingsForOverview(db: Kysely<Database>, filter: ReportFilter, qualityThreshold: number): Promise<SourceOverviewCounts[]> {
  const isUnique = sql`p.duplicate_of is null and p.reject_reason is null`;
  const rows = await selectScopedPostings(db, filter, 'processed')
    .select([
      'p.source',
      sql<string>`count(*)`.as('processed'),
      sql<string>`count(*) filter (where ${isUnique})`.as('unique'),
      sql<string>`count(*) filter (where p.duplicate_of is not null and p.reject_reason is null)`.as('duplicates'),
      sql<string>`count(*) filter (where p.reject_reason is not null)`.as('rejected'),
      sql<string>`count(*) filter (where ${isUnique} and p.quality_score >= ${qualityThreshold})`.as('high_quality'),
      sql<string>`count(*) filter (where ${isUnique} and p.salary_monthly_kes is not null)`.as('with_salary'),
    ])
    .groupBy('p.source')
    .orderBy('unique', 'desc')
    .orderBy('p.source')
    .execute();

  return rows.map((row) => ({
    source: row.source,
    processed: Number(row.processed),
    unique: Number(row.unique),
    duplicates: Number(row.duplicates),
    rejected: Number(row.rejected),
    highQuality: Number(row.high_quality),
    withSalary: Number(row.with_salary),
  }));
}
