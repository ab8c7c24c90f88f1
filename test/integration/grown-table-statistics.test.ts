import { sql } from 'kysely';
import { expect, it } from 'vitest';

import { analyzeGrownTables } from '../../src/db/queries/grown-table-statistics.js';
import { describeEachStore } from '../helpers/test-store.js';

describeEachStore('analyzeGrownTables', (getStore) => {
  const relpages = async (table: string): Promise<number> => {
    const result = await sql<{ relpages: number }>`select relpages from pg_class where oid = ${table}::regclass`.execute(getStore().store.db);
    return Number(result.rows[0]!.relpages);
  };

  it('leaves small tables alone', async () => {
    expect(await analyzeGrownTables(getStore().store.db)).toEqual([]);
  });

  it('analyzes a table that grew and then stops', async () => {
    const { db } = getStore().store;
    // 2,000 postings of about 1 kB each fill well over 10 pages of 8 kB.
    await sql`
      insert into job_post (source, url, url_hash, title_raw, description_raw)
      select 'test', 'https://example.com/jobs/' || g, md5(g::text), 'Accountant ' || g, repeat('Prepare monthly accounts. ', 40) || g
      from generate_series(1, 2000) as g
    `.execute(db);
    expect(await relpages('job_post')).toBe(0);

    expect(await analyzeGrownTables(db)).toEqual(['job_post']);
    expect(await relpages('job_post')).toBeGreaterThan(10);
    expect(await analyzeGrownTables(db)).toEqual([]);
  });
});
