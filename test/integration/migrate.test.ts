import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';

import { findMigrationCheckpoint } from '../../src/db/queries/migration-checkpoint.js';
import { MAX_CONTENT_BYTES } from '../../src/pipeline/migrate/map-legacy-row.js';
import type { MigrateOptions } from '../../src/pipeline/migrate/migrate-options.js';
import { runMigrate } from '../../src/pipeline/migrate/run-migrate.js';
import type { ProgressReporter } from '../../src/lib/progress.js';
import { describeEachStore } from '../helpers/test-store.js';
import { REAL_SAMPLE_FILE, REAL_SAMPLE_LONG_URL_ID, createLegacyFile, createTestContext } from './migrate-fixtures.js';

let workDir = '';

beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'nextke-migrate-'));
});

function options(overrides: Partial<MigrateOptions>): MigrateOptions {
  return {
    fromPath: REAL_SAMPLE_FILE,
    table: 'jobs_data',
    batchSize: 100,
    isDryRun: false,
    rejectsPath: path.join(workDir, `rejects-${Math.random().toString(36).slice(2)}.jsonl`),
    maxRejectRatio: 0.05,
    shouldRestart: false,
    ...overrides,
  };
}

function readRejects(filePath: string): Array<{ legacyId: number; url: string | null; reason: string; detail: string }> {
  return readFileSync(filePath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

const REAL_SAMPLE_BY_SOURCE = {
  jobwebkenya: 335,
  brightermonday: 110,
  'standardarena.co.ke': 52,
  'thestandardarena.co.ke': 40,
  'globalsouthopportunities.co.ke': 38,
  myjobmag: 10,
  'mygov.go.ke': 6,
  'kitui.go.ke': 3,
  'parliament.go.ke': 3,
  'kituiassembly.go.ke': 1,
  'meru.go.ke': 1,
};

describeEachStore('runMigrate on the real sample', (getStore) => {
  const rejectsPath = () => path.join(workDir, `sample-${getStore().store.kind}.jsonl`);

  it('migrates 599 rows by source and rejects the long URL', async () => {
    const { store } = getStore();
    const report = await runMigrate(createTestContext(store), options({ rejectsPath: rejectsPath() }));

    expect(report.status).toBe('succeeded');
    expect(report.counts).toMatchObject({ read: 600, inserted: 599, alreadyPresent: 0, rejected: 1, titlesTruncated: 0 });
    expect(report.details.rejectsByReason).toEqual({ url_too_long: 1 });
    expect(readRejects(rejectsPath()).map((reject) => [reject.legacyId, reject.reason])).toEqual([[REAL_SAMPLE_LONG_URL_ID, 'url_too_long']]);

    const bySource = await store.db.selectFrom('job_post').select(['source', (eb) => eb.fn.countAll<string>().as('postings')]).groupBy('source').execute();
    expect(Object.fromEntries(bySource.map((row) => [row.source, Number(row.postings)]))).toEqual(REAL_SAMPLE_BY_SOURCE);
  });

  it('stores canonical URLs, hashes, titles and untouched content', async () => {
    const { store } = getStore();
    const row = await store.db.selectFrom('job_post').selectAll().where('legacy_id', '=', '1').executeTakeFirstOrThrow();

    expect(row.url).toMatch(/^https:\/\/www\.brightermonday\.co\.ke\/listings\//);
    expect(row.url_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.title_raw).not.toMatch(/\s{2}/);
    expect(row.description_raw?.length).toBeGreaterThan(100);
    expect(row.processed_at).toBeNull();
  });

  it('adds nothing on a second run', async () => {
    const { store } = getStore();
    const report = await runMigrate(createTestContext(store), options({ rejectsPath: rejectsPath() }));

    expect(report.counts).toMatchObject({ read: 0, inserted: 0, rejected: 0 });
    expect(report.details.resumedAfterLegacyId).toBe(600);
  });

  it('finds every row already present with --restart', async () => {
    const { store } = getStore();
    const report = await runMigrate(createTestContext(store), options({ shouldRestart: true }));
    const total = await store.db.selectFrom('job_post').select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();

    expect(report.counts).toMatchObject({ read: 600, inserted: 0, alreadyPresent: 599, rejected: 1 });
    expect(Number(total.total)).toBe(599);
  });

  it('records a finished checkpoint with totals', async () => {
    const { store } = getStore();
    const checkpoint = await findMigrationCheckpoint(store.db, `${REAL_SAMPLE_FILE}#jobs_data`);

    expect(checkpoint).toMatchObject({ lastLegacyId: 600, rowsRead: 600, rowsInserted: 0, rowsRejected: 1 });
    expect(checkpoint?.finishedAt).not.toBeNull();
  });
});

describeEachStore('runMigrate on bad rows', (getStore) => {
  const longContent = 'x'.repeat(MAX_CONTENT_BYTES + 1);
  const good = (id: number) => ({ id, fullLink: `https://www.myjobmag.co.ke/job/good-${id}`, title: `Job ${id}` });
  const rows = [
    good(1),
    { id: 2, fullLink: null },
    { id: 3, fullLink: '' },
    { id: 4, fullLink: '/relative/job' },
    { id: 5, fullLink: 'ftp://jobwebkenya.com/jobs/5' },
    { id: 6, fullLink: 'https://jobwebkenya.com/jobs/6', content: Buffer.from([0x4a, 0x6f, 0xff, 0x62]) },
    { id: 7, fullLink: 'https://jobwebkenya.com/jobs/7', title: Buffer.from('Dri\0ver', 'utf8') },
    { id: 8, fullLink: 'https://jobwebkenya.com/jobs/8', content: longContent },
    // Same canonical URL as row 1: tracking parameter, fragment and trailing slash differ.
    { id: 9, fullLink: 'HTTPS://www.myjobmag.co.ke/job/good-1/?utm_source=x#top' },
    { id: 10, fullLink: `https://jobwebkenya.com/${'a'.repeat(3000)}` },
    good(11),
    { id: 12, fullLink: 'https://jobwebkenya.com/jobs/12', title: `  Long ${'title '.repeat(80)}` },
  ];
  const expectedRejects = [
    [2, 'missing_url'],
    [3, 'missing_url'],
    [4, 'invalid_url'],
    [5, 'invalid_url'],
    [6, 'invalid_utf8'],
    [7, 'nul_byte'],
    [8, 'content_too_large'],
    [9, 'duplicate_url'],
    [10, 'url_too_long'],
  ];

  it('rejects each bad row by reason and migrates every good row', async () => {
    const { store } = getStore();
    const file = createLegacyFile(path.join(workDir, `bad-${store.kind}.sqlite`), rows);
    const rejectsPath = path.join(workDir, `bad-${store.kind}.jsonl`);
    // Small batches put the duplicate in a later batch than the row it repeats.
    const report = await runMigrate(createTestContext(store), options({ fromPath: file, rejectsPath, batchSize: 4, maxRejectRatio: 1 }));

    expect(report.counts).toMatchObject({ read: 12, inserted: 3, alreadyPresent: 0, rejected: 9, titlesTruncated: 1 });
    expect(report.details.rejectsByReason).toEqual({
      missing_url: 2,
      invalid_url: 2,
      invalid_utf8: 1,
      nul_byte: 1,
      content_too_large: 1,
      duplicate_url: 1,
      url_too_long: 1,
    });
    const rejects = readRejects(rejectsPath);
    expect(rejects.map((reject) => [reject.legacyId, reject.reason]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(expectedRejects);
    expect(rejects.find((reject) => reject.legacyId === 9)?.detail).toBe('same canonical URL as legacy id 1');

    const migrated = await store.db.selectFrom('job_post').select(['legacy_id', 'title_raw']).where('url', 'like', '%').orderBy('legacy_id').execute();
    expect(migrated.map((row) => Number(row.legacy_id))).toEqual([1, 11, 12]);
    expect(Array.from(migrated[2]?.title_raw ?? '')).toHaveLength(255);
  });

  it('writes the original full_link of duplicates', async () => {
    const { store } = getStore();
    const canonicalUrl = 'https://www.myjobmag.co.ke/job/original-1';
    const file = createLegacyFile(path.join(workDir, `duplicate-links-${store.kind}.sqlite`), [
      { id: 1, fullLink: canonicalUrl },
      { id: 2, fullLink: `${canonicalUrl}?utm_medium=email` },
      { id: 3, fullLink: 'https://www.myjobmag.co.ke/job/original-3' },
      { id: 4, fullLink: 'https://www.myjobmag.co.ke/job/original-4' },
      { id: 5, fullLink: 'HTTPS://WWW.MYJOBMAG.CO.KE/job/original-1/#apply' },
    ]);
    const rejectsPath = path.join(workDir, `duplicate-links-${store.kind}.jsonl`);
    // Batches of 4: row 2 repeats row 1 within a batch, row 5 repeats it from the next batch.
    const report = await runMigrate(createTestContext(store), options({ fromPath: file, rejectsPath, batchSize: 4, maxRejectRatio: 1 }));

    expect(report.counts).toMatchObject({ read: 5, inserted: 3, rejected: 2 });
    const detail = 'same canonical URL as legacy id 1';
    expect(readRejects(rejectsPath)).toEqual([
      { legacyId: 2, url: `${canonicalUrl}?utm_medium=email`, canonicalUrl, reason: 'duplicate_url', detail },
      { legacyId: 5, url: 'HTTPS://WWW.MYJOBMAG.CO.KE/job/original-1/#apply', canonicalUrl, reason: 'duplicate_url', detail },
    ]);
  });

  it('ends partial when rejects exceed the ratio', async () => {
    const { store } = getStore();
    const file = createLegacyFile(path.join(workDir, `ratio-${store.kind}.sqlite`), [
      { id: 1, fullLink: 'https://www.myjobmag.co.ke/job/ratio-1' },
      { id: 2, fullLink: null },
    ]);
    const report = await runMigrate(createTestContext(store), options({ fromPath: file, maxRejectRatio: 0.4 }));

    expect(report.status).toBe('partial');
    expect(report.counts).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
  });
});

describeEachStore('runMigrate --dry-run and interrupts', (getStore) => {
  it('writes no rows, checkpoint or rejects file in a dry run', async () => {
    const { store } = getStore();
    const rejectsPath = path.join(workDir, `dry-${store.kind}.jsonl`);
    const report = await runMigrate(createTestContext(store), options({ isDryRun: true, rejectsPath }));
    const total = await store.db.selectFrom('job_post').select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();

    expect(report.counts).toMatchObject({ read: 600, inserted: 599, rejected: 1 });
    expect(Number(total.total)).toBe(0);
    expect(await findMigrationCheckpoint(store.db, `${REAL_SAMPLE_FILE}#jobs_data`)).toBeNull();
    expect(existsSync(rejectsPath)).toBe(false);
  });

  it('counts a posting found by a scrape as already present', async () => {
    const { store } = getStore();
    const file = createLegacyFile(path.join(workDir, `scraped-${store.kind}.sqlite`), [{ id: 1, fullLink: 'https://jobwebkenya.com/jobs/scraped-1' }]);
    await store.db.insertInto('job_post').values({ source: 'jobwebkenya', url: 'https://jobwebkenya.com/jobs/scraped-1', url_hash: 'h' }).execute();

    const report = await runMigrate(createTestContext(store), options({ fromPath: file }));

    expect(report.counts).toMatchObject({ read: 1, inserted: 0, alreadyPresent: 1, rejected: 0 });
  });

  it('stops after the current batch on abort and resumes from its checkpoint', async () => {
    const { store } = getStore();
    const controller = new AbortController();
    const abortOnFirstBatch: ProgressReporter = { start: () => undefined, update: () => controller.abort(), stop: () => undefined };

    const first = await runMigrate(createTestContext(store, { signal: controller.signal, progress: abortOnFirstBatch }), options({ batchSize: 250 }));
    expect(first.status).toBe('interrupted');
    expect(first.counts).toMatchObject({ read: 250, inserted: 250 });
    expect((await findMigrationCheckpoint(store.db, `${REAL_SAMPLE_FILE}#jobs_data`))?.lastLegacyId).toBe(250);

    const second = await runMigrate(createTestContext(store), options({ batchSize: 250 }));
    expect(second.status).toBe('succeeded');
    expect(second.counts).toMatchObject({ read: 350, inserted: 349, rejected: 1 });

    const ids = await sql<{ total: string; distinct_ids: string }>`select count(*) as total, count(distinct legacy_id) as distinct_ids from job_post where legacy_id is not null`.execute(store.db);
    expect(ids.rows[0]).toEqual({ total: '599', distinct_ids: '599' });
  });
});
