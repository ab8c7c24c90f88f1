/**
 * The SQL that writes legacy postings into `job_post`: a COPY staging table on PostgreSQL, plain
 * multi-row inserts on the embedded store, and the lookup that distinguishes a duplicate legacy row
 * from a posting that was already there.
 */
import type { ColumnType, Compilable, Kysely, Transaction } from 'kysely';
import type pg from 'pg';

import type { Database } from '../schema.js';

/** A posting as a legacy row fills it; every other column keeps its default. */
export interface LegacyPostingRow {
  legacy_id: number;
  source: string;
  url: string;
  url_hash: string;
  title_raw: string | null;
  description_raw: string | null;
}

interface LegacyStagingTable {
  // Read back as a string, like every bigint column of the pg driver.
  legacy_id: ColumnType<string, number, number>;
  source: string;
  url: string;
  url_hash: string;
  title_raw: string | null;
  description_raw: string | null;
}

/** A staged or offered row whose URL was already taken by another row of job_post. */
export interface UrlConflict {
  legacyId: number;
  url: string;
  /** The legacy id of the posting that has the URL; null when it came from a scrape. */
  existingLegacyId: number | null;
}

/** The staging table's columns in COPY order. */
export const LEGACY_STAGING_COLUMNS = ['legacy_id', 'source', 'url', 'url_hash', 'title_raw', 'description_raw'] as const;

export const COPY_INTO_LEGACY_STAGING = `copy legacy_post_staging (${LEGACY_STAGING_COLUMNS.join(', ')}) from stdin`;

/** COPY straight into job_post, same columns and order; fails as a whole on a URL already present. */
export const COPY_INTO_JOB_POST = `copy job_post (${LEGACY_STAGING_COLUMNS.join(', ')}) from stdin`;

// Enough for a batch of 5,000 postings of about 3.6 kB each, compressed.
const STAGING_BUFFERS_MB = 64;

/**
 * Creates the session's staging table (temporary, so it writes no WAL, and emptied at every
 * commit). Its description column takes job_post's compression method: PostgreSQL copies an
 * already compressed value into another table as it is, so `insert ... select` from staging
 * does not compress the text a second time.
 */
export async function createLegacyStagingTable(client: pg.ClientBase): Promise<void> {
  const compression = await client.query<{ method: string }>(
    `select attcompression::text as method from pg_attribute where attrelid = 'job_post'::regclass and attname = 'description_raw'`,
  );
  const isLz4 = compression.rows[0]?.method === 'l';

  // Temporary tables live in the session's own buffers (8 MB by default); a batch that spills
  // past them is written to disk and read back. The setting only takes effect before the
  // session's first use of a temporary table, so it comes first.
  await client.query(`set temp_buffers = '${STAGING_BUFFERS_MB}MB'`);

  await client.query(
    `create temporary table if not exists legacy_post_staging (
       legacy_id bigint not null,
       source text not null,
       url text not null,
       url_hash text not null,
       title_raw text,
       description_raw text${isLz4 ? ' compression lz4' : ''}
     ) on commit delete rows`,
  );
}

/** Builds the move from staging into job_post, in legacy id order; a URL already present is left alone. */
export function buildInsertFromStaging(db: Kysely<Database>) {
  return db
    .withTables<{ legacy_post_staging: LegacyStagingTable }>()
    .insertInto('job_post')
    .columns([...LEGACY_STAGING_COLUMNS])
    .expression((eb) => eb.selectFrom('legacy_post_staging').select([...LEGACY_STAGING_COLUMNS]).orderBy('legacy_id'))
    .onConflict((oc) => oc.column('url').doNothing());
}

/** Builds the lookup of staged rows that were not inserted because another posting has their URL. */
export function buildFindStagedConflicts(db: Kysely<Database>) {
  return db
    .withTables<{ legacy_post_staging: LegacyStagingTable }>()
    .selectFrom('legacy_post_staging as staged')
    .innerJoin('job_post', 'job_post.url', 'staged.url')
    .select(['staged.legacy_id as legacyId', 'staged.url as url', 'job_post.legacy_id as existingLegacyId'])
    .where((eb) => eb('job_post.legacy_id', 'is distinct from', eb.ref('staged.legacy_id')))
    .orderBy('staged.legacy_id');
}

/** Runs a Kysely query on a raw `pg` client (the one holding the COPY session) and returns its result. */
export async function runOnClient<R extends pg.QueryResultRow>(client: pg.ClientBase, query: Compilable): Promise<pg.QueryResult<R>> {
  const compiled = query.compile();
  return client.query<R>(compiled.sql, compiled.parameters as unknown[]);
}

/** Inserts postings in one multi-row statement, skipping URLs already present; returns the legacy ids inserted. */
export async function insertLegacyPostings(trx: Transaction<Database> | Kysely<Database>, rows: readonly LegacyPostingRow[]): Promise<number[]> {
  if (rows.length === 0) {
    return [];
  }

  const inserted = await trx
    .insertInto('job_post')
    .values([...rows])
    .onConflict((oc) => oc.column('url').doNothing())
    .returning('legacy_id')
    .execute();
  return inserted.map((row) => Number(row.legacy_id));
}

/** Finds the postings that hold the given URLs, with their legacy ids. */
export async function findPostingsByUrl(db: Transaction<Database> | Kysely<Database>, urls: readonly string[]): Promise<Map<string, number | null>> {
  if (urls.length === 0) {
    return new Map();
  }

  const rows = await db.selectFrom('job_post').select(['url', 'legacy_id']).where('url', 'in', [...urls]).execute();
  return new Map(rows.map((row) => [row.url, row.legacy_id === null ? null : Number(row.legacy_id)]));
}
