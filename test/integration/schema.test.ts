import { sql } from 'kysely';
import { expect, it } from 'vitest';

import { MIGRATIONS } from '../../migrations/index.js';
import { openStore } from '../../src/db/client.js';
import { silentLogger } from '../../src/lib/log.js';
import { describeEachStore } from '../helpers/test-store.js';

const TABLES = [
  'daemon_heartbeat',
  'job_post',
  'job_skill',
  'learned_pattern',
  'location',
  'metrics_daily',
  'migration_checkpoint',
  'organization',
  'processing_log',
  'raw_page',
  'scrape_state',
  'skill',
  'title_norm',
  'workflow_run',
  'workflow_stage',
];

describeEachStore('schema', (getStore, kind) => {
  it('creates every table of the data model', async () => {
    const { db } = getStore().store;
    const result = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_name not like 'kysely_%'
      order by table_name
    `.execute(db);

    // Later migrations add tables of their own; the core data model must always be there.
    expect(result.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(TABLES));
  });

  it('keeps posting urls unique', async () => {
    const { db } = getStore().store;
    await db.insertInto('job_post').values({ source: 'careerjet', url: 'https://example.org/a', url_hash: 'a' }).execute();

    await expect(db.insertInto('job_post').values({ source: 'careerjet', url: 'https://example.org/a', url_hash: 'a' }).execute()).rejects.toThrow(
      /duplicate key|unique/i,
    );
  });

  it('indexes unprocessed postings with a partial index', async () => {
    const { db } = getStore().store;
    const result = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'job_post_unprocessed_idx'`.execute(db);

    expect(result.rows[0]?.indexdef).toMatch(/WHERE \(processed_at IS NULL\)/);
  });

  it('enforces the job_skill foreign keys', async () => {
    const { db } = getStore().store;
    await expect(db.insertInto('job_skill').values({ job_id: 999_999, skill_id: 999_999, confidence: 1 }).execute()).rejects.toThrow(/foreign key/i);
  });

  it('reopens without applying migrations again', async () => {
    const testStore = getStore();
    if (kind === 'embedded') {
      // The embedded store allows one open handle per folder, so close the shared one first.
      await testStore.store.close();
    }

    const reopened = await openStore(testStore.config, { log: silentLogger });
    try {
      expect(reopened.schema.appliedNow).toEqual([]);
      expect(reopened.schema.pending).toEqual([]);
      expect(reopened.schema.applied).toHaveLength(Object.keys(MIGRATIONS).length);
    } finally {
      await reopened.close();
    }
  });
});

describeEachStore('schema compression', (getStore, kind) => {
  it('stores large text with lz4 where the server supports it', async () => {
    const { db } = getStore().store;
    const support = await sql<{ is_supported: boolean }>`
      select coalesce(bool_or('lz4' = any(enumvals)), false) as is_supported from pg_settings where name = 'default_toast_compression'
    `.execute(db);
    const columns = await sql<{ attcompression: string }>`
      select attcompression from pg_attribute where attrelid = 'job_post'::regclass and attname = 'description_raw'
    `.execute(db);

    const expected = support.rows[0]?.is_supported ? 'l' : '';
    expect(columns.rows[0]?.attcompression ?? '').toBe(expected);
    if (kind === 'postgres') {
      // The local server (PostgreSQL 15, Debian build) supports lz4; the check above must have used it.
      expect(support.rows[0]?.is_supported).toBe(true);
    }
  });
});
