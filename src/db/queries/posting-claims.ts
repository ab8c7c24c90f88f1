/**
 * Claims of unprocessed postings by `nextke process` workers. A claim is a lease: `claimed_by`
 * names the worker and `claimed_until` ends the lease, so a crashed worker's postings become
 * claimable again once its lease has passed. Claims use `for update skip locked`, so any number
 * of workers, on one machine or several, can claim at the same time without waiting on each
 * other and without claiming the same posting twice.
 */
import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';

/** The columns of a claimed posting that processing reads. */
export interface ClaimedPosting {
  id: string;
  source: string;
  url: string;
  title_raw: string | null;
  description_raw: string | null;
  requirements_raw: string | null;
  first_seen: Date;
}

export interface ClaimPostingsOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  /** Claim only postings with an id above this one; lets a worker walk the table once. */
  afterId?: string;
  /** Claim only postings of this source (board key or domain). */
  source?: string;
  /**
   * Also claim postings processed before this time: `--reprocess` passes the run's start, so each
   * posting is processed once more in the run and never twice.
   */
  processedBefore?: Date;
}

/**
 * Claims up to `limit` postings in id order for `workerId` and commits the claim at once.
 * Postings under another worker's unexpired lease are left alone; ones whose lease has passed are
 * taken over. Returns the claimed postings in id order, or an empty array when none is left.
 */
export async function claimPostings(db: Kysely<Database>, options: ClaimPostingsOptions): Promise<ClaimedPosting[]> {
  const processedFilter = options.processedBefore
    ? sql`(processed_at is null or processed_at < ${options.processedBefore})`
    : sql`processed_at is null`;
  const sourceFilter = options.source === undefined ? sql`true` : sql`source = ${options.source}`;
  const afterFilter = options.afterId === undefined ? sql`true` : sql`id > ${options.afterId}`;

  const result = await sql<ClaimedPosting>`
    update job_post
    set claimed_by = ${options.workerId},
        claimed_until = now() + make_interval(secs => ${options.leaseMs / 1000})
    where id in (
      select id from job_post
      where ${processedFilter}
        and (claimed_until is null or claimed_until < now())
        and ${sourceFilter}
        and ${afterFilter}
      order by id
      limit ${options.limit}
      for update skip locked
    )
    returning id, source, url, title_raw, description_raw, requirements_raw, first_seen
  `.execute(db);

  return result.rows.sort((a, b) => compareIds(a.id, b.id));
}

/**
 * Ends `workerId`'s lease on the given postings without processing them, so another run can take
 * them at once. Postings another worker has taken over are not touched. Returns how many were released.
 */
export async function releaseClaims(db: Kysely<Database>, workerId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) {
    return 0;
  }

  const result = await db
    .updateTable('job_post')
    .set({ claimed_by: null, claimed_until: null })
    .where('id', 'in', [...ids])
    .where('claimed_by', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Locks the rows of the given postings that `workerId` still claims, until the transaction ends,
 * and returns their ids. Run inside the save transaction: a claim locked here cannot be taken
 * over before the batch is written.
 */
export async function lockHeldClaims(db: Kysely<Database>, workerId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }

  const result = await sql<{ id: string }>`
    select id from job_post
    where id = any(${[...ids]}::bigint[]) and claimed_by = ${workerId}
    order by id
    for update
  `.execute(db);
  return new Set(result.rows.map((row) => String(row.id)));
}

/** Counts the postings a run would process: unprocessed ones, or with `processedBefore` also those processed earlier. */
export async function countPostingsToProcess(
  db: Kysely<Database>,
  options: Pick<ClaimPostingsOptions, 'source' | 'processedBefore'>,
): Promise<number> {
  let query = db.selectFrom('job_post').select((eb) => eb.fn.countAll<string>().as('count'));
  if (options.processedBefore) {
    const before = options.processedBefore;
    query = query.where((eb) => eb.or([eb('processed_at', 'is', null), eb('processed_at', '<', before)]));
  } else {
    query = query.where('processed_at', 'is', null);
  }
  if (options.source !== undefined) {
    query = query.where('source', '=', options.source);
  }

  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Returns the database's clock: lease times and `--reprocess` cutoffs are compared with it, never with a worker's clock. */
export async function readDatabaseTime(db: Kysely<Database>): Promise<Date> {
  const result = await sql<{ now: Date | string }>`select now() as now`.execute(db);
  return new Date(result.rows[0]?.now ?? Date.now());
}

/** Orders bigint ids given as decimal strings. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
