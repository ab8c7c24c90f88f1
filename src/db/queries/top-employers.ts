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
 * duplicates)` is the employer's repost rate. Postings are first grouped by employer, family and
 * county, so the distinct counts run over those groups rather than over every posting.
 */
export async function findTopEmployers(db: Kysely<Database>, filter: ReportFilter, limit: number): Promise<EmployerPostings[]> {
  const cells = selectScopedPostings(db, filter, 'processed')
    .where('p.reject_reason', 'is', null)
    .where('p.org_id', 'is not', null)
    .select([
      'p.org_id',
      FAMILY_KEY.as('family'),
      LOCATION_KEY.as('county'),
      sql<string>`count(*) filter (where p.duplicate_of is null)`.as('unique_postings'),
      sql<string>`count(*) filter (where p.duplicate_of is not null)`.as('duplicates'),
      sql<string>`max(${POSTING_DATE})`.as('last_posted'),
    ])
    .groupBy(['p.org_id', FAMILY_KEY, LOCATION_KEY]);

  const postings = sql<string>`sum(c.unique_postings)`;
  const rows = await db
    .selectFrom(cells.as('c'))
    .innerJoin('organization as o', 'o.id', 'c.org_id')
    .select([
      'o.name as organization',
      postings.as('postings'),
      sql<string>`sum(c.duplicates)`.as('duplicates'),
      sql<string>`count(distinct c.family) filter (where c.unique_postings > 0)`.as('families'),
      sql<string>`count(distinct c.county) filter (where c.unique_postings > 0)`.as('counties'),
      sql<string>`max(c.last_posted)`.as('last_posted'),
    ])
    .groupBy(['o.id', 'o.name'])
    .having(postings, '>', sql<string>`0`)
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
