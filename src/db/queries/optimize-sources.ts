/**
 * The reads and maintenance statements of the optimize stage: how much was processed since the
 * last run, the titles the classifier trains on, the near-duplicate index's coverage, and ANALYZE.
 */
import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { selectScopedPostings } from './report-scope.js';

/** Counts postings processed after `since` (all processed postings when null). */
export async function countPostingsProcessedSince(db: Kysely<Database>, since: Date | null): Promise<number> {
  let query = db.selectFrom('job_post').where('processed_at', 'is not', null);
  if (since !== null) {
    query = query.where('processed_at', '>', since);
  }
  const row = await query.select(sql<string>`count(*)`.as('postings')).executeTakeFirstOrThrow();
  return Number(row.postings);
}

export interface TitleWithFamily {
  title: string;
  family: string;
  postings: number;
}

/** Lists each distinct raw title of unique postings with the family the process stage gave it and its posting count. */
export async function findTitlesWithFamily(db: Kysely<Database>): Promise<TitleWithFamily[]> {
  const rows = await selectScopedPostings(db, {})
    .where('p.title_family', 'is not', null)
    .where('p.title_raw', 'is not', null)
    .select(['p.title_raw', 'p.title_family', sql<string>`count(*)`.as('postings')])
    .groupBy(['p.title_raw', 'p.title_family'])
    .orderBy('p.title_raw')
    .execute();

  return rows.map((row) => ({ title: row.title_raw!, family: row.title_family!, postings: Number(row.postings) }));
}

export interface LshCoverage {
  signatures: number;

  /** Postings with a stored signature but no band key: invisible to near-duplicate lookups. */
  signaturesWithoutBandKeys: number;

  /** Rejected postings that still have a signature or band keys. */
  rejectedWithSignature: string[];
}

/** Measures the near-duplicate index: signatures, signatures lacking band keys, and rejects still indexed. */
export async function findLshCoverage(db: Kysely<Database>): Promise<LshCoverage> {
  const totals = await sql<{ signatures: string; without_band_keys: string }>`
    select count(*) as signatures,
           count(*) filter (where not exists (select 1 from job_post_lsh l where l.job_id = m.job_id)) as without_band_keys
    from job_post_minhash m
  `.execute(db);

  const rejected = await sql<{ id: string }>`
    select p.id from job_post p
    where p.reject_reason is not null
      and (exists (select 1 from job_post_minhash m where m.job_id = p.id) or exists (select 1 from job_post_lsh l where l.job_id = p.id))
  `.execute(db);

  const row = totals.rows[0];
  return {
    signatures: Number(row?.signatures ?? 0),
    signaturesWithoutBandKeys: Number(row?.without_band_keys ?? 0),
    rejectedWithSignature: rejected.rows.map((entry) => String(entry.id)),
  };
}

/** The tables whose planner statistics optimize refreshes, largest first. */
export const ANALYZED_TABLES = ['job_post', 'job_skill', 'job_post_lsh', 'job_post_minhash', 'metrics_daily', 'organization', 'location', 'title_norm', 'skill', 'learned_pattern'] as const;

/** Runs ANALYZE on one table from ANALYZED_TABLES (names come only from that constant). */
export async function analyzeTable(db: Kysely<Database>, table: (typeof ANALYZED_TABLES)[number]): Promise<void> {
  await sql`analyze ${sql.table(table)}`.execute(db);
}
