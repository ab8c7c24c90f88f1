/**
 * Reads of `raw_page`, the fetched pages behind scraped postings.
 */
import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';

/** The latest stored page of a posting, for re-extraction. */
export interface LatestRawPage {
  jobPostId: string;
  site: string;
  url: string;
  fetchedAt: Date;
  html: string;
}

/**
 * Returns the most recently fetched page with HTML of each given posting, keyed by posting id.
 * Postings without a stored page (those that came from `migrate`) have no entry.
 */
export async function findLatestRawPages(db: Kysely<Database>, jobPostIds: readonly string[]): Promise<Map<string, LatestRawPage>> {
  if (jobPostIds.length === 0) {
    return new Map();
  }

  const result = await sql<{ job_post_id: string; site: string; url: string; fetched_at: Date | string; html: string }>`
    select distinct on (job_post_id) job_post_id, site, url, fetched_at, html
    from raw_page
    where job_post_id = any(${[...jobPostIds]}::bigint[]) and html is not null
    order by job_post_id, fetched_at desc, id desc
  `.execute(db);

  return new Map(
    result.rows.map((row) => [
      String(row.job_post_id),
      { jobPostId: String(row.job_post_id), site: row.site, url: row.url, fetchedAt: new Date(row.fetched_at), html: row.html },
    ]),
  );
}
