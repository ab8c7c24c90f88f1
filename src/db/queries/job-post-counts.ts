import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';

export interface PostingCounts {
  total: number;
  processed: number;
  unprocessed: number;
  rejected: number;
  duplicates: number;
}

export interface SourceCounts extends PostingCounts {
  source: string;
}

/**
 * Counts postings per source: total, processed, not yet processed, rejected as not a job, and
 * duplicates of an earlier posting. One grouped scan; sources sorted by total, largest first.
 */
export async function countPostingsBySource(db: Kysely<Database>): Promise<SourceCounts[]> {
  const rows = await db
    .selectFrom('job_post')
    .select((eb) => [
      'source',
      eb.fn.countAll<string>().as('total'),
      eb.fn.count<string>('processed_at').as('processed'),
      sql<string>`count(*) filter (where processed_at is null)`.as('unprocessed'),
      eb.fn.count<string>('reject_reason').as('rejected'),
      eb.fn.count<string>('duplicate_of').as('duplicates'),
    ])
    .groupBy('source')
    .orderBy('total', 'desc')
    .orderBy('source')
    .execute();

  return rows.map((row) => ({
    source: row.source,
    total: Number(row.total),
    processed: Number(row.processed),
    unprocessed: Number(row.unprocessed),
    rejected: Number(row.rejected),
    duplicates: Number(row.duplicates),
  }));
}

/** Sums per-source counts into one total. */
export function sumPostingCounts(bySource: readonly PostingCounts[]): PostingCounts {
  const total: PostingCounts = { total: 0, processed: 0, unprocessed: 0, rejected: 0, duplicates: 0 };
  for (const counts of bySource) {
    total.total += counts.total;
    total.processed += counts.processed;
    total.unprocessed += counts.unprocessed;
    total.rejected += counts.rejected;
    total.duplicates += counts.duplicates;
  }
  return total;
}
