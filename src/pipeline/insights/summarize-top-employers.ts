import type { Kysely } from 'kysely';

import type { ReportFilter } from '../../db/queries/report-scope.js';
import { findTopEmployers, type EmployerPostings } from '../../db/queries/top-employers.js';
import type { Database } from '../../db/schema.js';
import { roundShare } from './summarize-overview.js';

export const TOP_EMPLOYERS_LIMIT = 20;

export interface TopEmployersReport {
  /** `repostRate`: duplicates / (unique postings + duplicates), 0–1. */
  employers: Array<EmployerPostings & { repostRate: number }>;
}

/** Summarizes the employers with the most unique postings and how often they repost. */
export async function summarizeTopEmployers(db: Kysely<Database>, filter: ReportFilter): Promise<TopEmployersReport> {
  const employers = await findTopEmployers(db, filter, TOP_EMPLOYERS_LIMIT);
  return {
    employers: employers.map((row) => ({ ...row, repostRate: roundShare(row.duplicates / (row.postings + row.duplicates)) })),
  };
}
