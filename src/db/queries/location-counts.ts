import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { FAMILY_KEY, LOCATION_KEY, selectScopedPostings, type ReportFilter } from './report-scope.js';

export interface CountyPostings {
  county: string;
  postings: number;
}

export interface CountyFamilyPostings extends CountyPostings {
  family: string;
}

/** Counts unique postings per location key (county, `remote`, `outside_kenya`, `unknown`), largest first. */
export async function countPostingsByCounty(db: Kysely<Database>, filter: ReportFilter): Promise<CountyPostings[]> {
  const rows = await selectScopedPostings(db, filter)
    .select([LOCATION_KEY.as('county'), sql<string>`count(*)`.as('postings')])
    .groupBy(LOCATION_KEY)
    .orderBy('postings', 'desc')
    .orderBy('county')
    .execute();

  return rows.map((row) => ({ county: row.county, postings: Number(row.postings) }));
}

/** Counts unique postings per location key and title family, largest first within each county. */
export async function countPostingsByCountyAndFamily(db: Kysely<Database>, filter: ReportFilter): Promise<CountyFamilyPostings[]> {
  const rows = await selectScopedPostings(db, filter)
    .select([LOCATION_KEY.as('county'), FAMILY_KEY.as('family'), sql<string>`count(*)`.as('postings')])
    .groupBy([LOCATION_KEY, FAMILY_KEY])
    .orderBy('county')
    .orderBy('postings', 'desc')
    .orderBy('family')
    .execute();

  return rows.map((row) => ({ county: row.county, family: row.family, postings: Number(row.postings) }));
}
