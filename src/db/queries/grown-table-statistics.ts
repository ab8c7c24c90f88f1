/**
 * Planner statistics for tables that a long stage fills as it runs. The embedded store never runs
 * autovacuum, and a server may have it turned off, so without this a table filled by a process run
 * keeps no statistics at all. The planner then takes `job_id = any($ids)` to match every row of
 * job_skill and scans the whole table once a batch: 53 ms a batch at 360,000 rows on
 * PostgreSQL 15, growing with the table.
 */
import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';

/** The tables a process run writes most rows to. */
export const PROCESS_GROWN_TABLES = ['job_post', 'job_skill', 'job_post_lsh', 'job_post_minhash'] as const;

export type GrownTable = (typeof PROCESS_GROWN_TABLES)[number];

/**
 * Runs ANALYZE on each of `tables` that now has more than twice its pages at its last ANALYZE,
 * plus 10 so that small tables are left alone. Returns the tables it analyzed. Sizes are read from
 * the files, not from the statistics collector, because the embedded store does not report row
 * changes there. ANALYZE reads a sample of at most 30,000 rows (the default statistics target), so
 * each run takes a bounded time, and doubling keeps the number of runs logarithmic in the table size.
 */
export async function analyzeGrownTables(db: Kysely<Database>, tables: readonly GrownTable[] = PROCESS_GROWN_TABLES): Promise<GrownTable[]> {
  const result = await sql<{ table: GrownTable }>`
    select c.relname as table
    from pg_class as c
    where c.oid = any(${[...tables]}::regclass[])
      and pg_relation_size(c.oid) / current_setting('block_size')::bigint > 2 * c.relpages + 10
  `.execute(db);

  const grown = result.rows.map((row) => row.table);
  for (const table of grown) {
    await sql`analyze ${sql.table(table)}`.execute(db);
  }
  return grown;
}
