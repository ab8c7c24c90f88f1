import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { selectMetricCells, type ReportFilter } from './report-scope.js';

export interface CountyPostings {
  county: string;
  postings: number;
}

export interface CountyFamilyPostings extends CountyPostings {
  family: string;
}

/** Counts unique postings per location key (county, `remote`, `outside_kenya`, `unknown`) from metrics_daily, largest first. */
export async function countPostingsByCounty(db: Kysely<Database>, filter: ReportFilter): Promise<CountyPostings[]> {
  const rows = await selectMetricCells(db, filter)
    .select(['m.location_key as county', sql<string>`sum(m.postings)`.as('postings')])
    .groupBy('m.location_key')
    .orderBy('postings', 'desc')
    .orderBy('county')
    .execute();

  return rows.map((row) => ({ county: row.county, postings: Number(row.postings) }));
}

/** Counts unique postings per location key and title family, largest first within each county. */
export async function countPostingsByCountyAndFamily(db: Kysely<Database>, filter: ReportFilter): Promise<CountyFamilyPostings[]> {
  const rows = await selectMetricCells(db, filter)
    .select(['m.location_key as county', 'm.title_family as family', sql<string>`sum(m.postings)`.as('postings')])
    .groupBy(['m.location_key', 'm.title_family'])
    .orderBy('county')
    .orderBy('postings', 'desc')
    .orderBy('family')
    .execute();

  return rows.map((row) => ({ county: row.county, family: row.family, postings: Number(row.postings) }));
}
