import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { FAMILY_KEY, LOCATION_KEY, POSTING_DATE, selectScopedPostings, type ReportFilter } from './report-scope.js';

export interface EmployerPostings {
  organization: string;
  /** Unique postings. */
  postings: number;

  /** Later copies of this employer's postings that were marked as duplicates. */
  duplicates: number;
  families: number;
  counties: number;
  lastPosted: string;
}

/**
 * Finds the employers with the most unique postings, at most `limit`. Duplicates are counted from
 * the same scan (processed postings that are not rejects), so `duplicates / (postings +
 * duplicates)` is the employer's repost rate.
 */
export async function findTopEmployers(db: Kysely<Database>, filter: ReportFilter, limit: number): Promise<EmployerPostings[]> {
  const isUnique = sql`p.duplicate_of is null`;
  const rows = await selectScopedPostings(db, filter, 'processed')
    .innerJoin('organization as o', 'o.id', 'p.org_id')
    .where('p.reject_reason', 'is', null)
    .select([
      'o.name as organization',
      sql<string>`count(*) filter (where ${isUnique})`.as('postings'),
      sql<string>`count(*) filter (where p.duplicate_of is not null)`.as('duplicates'),
      sql<string>`count(distinct ${FAMILY_KEY}) filter (where ${isUnique})`.as('families'),
      sql<string>`count(distinct ${LOCATION_KEY}) filter (where ${isUnique})`.as('counties'),
      sql<string>`max(${POSTING_DATE})`.as('last_posted'),
    ])
    .groupBy(['o.id', 'o.name'])
    .having(sql`count(*) filter (where ${isUnique})`, '>', 0)
    .orderBy('postings', 'desc')
    .orderBy('o.name')
    .limit(limit)
    .execute();

  return rows.map((row) => ({
    organization: row.organization,
    postings: Number(row.postings),
    duplicates: Number(row.duplicates),
    families: Number(row.families),
    counties: Number(row.counties),
    lastPosted: row.last_posted,
  }));
}
