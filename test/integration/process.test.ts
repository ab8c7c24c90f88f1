import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sql, type Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';

import { loadConfig } from '../../src/config/load-config.js';
import type { Store } from '../../src/db/client.js';
import { claimPostings } from '../../src/db/queries/posting-claims.js';
import type { Database } from '../../src/db/schema.js';
import { silentLogger } from '../../src/lib/log.js';
import { silentProgress } from '../../src/lib/progress.js';
import type { Context } from '../../src/pipeline/context.js';
import { runMigrate } from '../../src/pipeline/migrate/run-migrate.js';
import { runProcess, type ProcessOptions } from '../../src/pipeline/process/run-process.js';
import { saveProcessedBatch } from '../../src/pipeline/process/save-processed-batch.js';
import { toRejectedPosting } from '../../src/pipeline/process/to-processed-posting.js';
import { REPO_ROOT, SHARED_DATA_DIR } from '../helpers/run-cli.js';
import { describeEachStore } from '../helpers/test-store.js';

const LEGACY_FILE = path.join(SHARED_DATA_DIR, 'legacy-jobs.sqlite');
// The sample file has 600 rows; one has a URL over the 2,048-byte limit and is rejected by migrate.
const MIGRATED_POSTINGS = 599;
const BRIGHTERMONDAY_FIXTURES = path.join(REPO_ROOT, 'src/sites/brightermonday/fixtures');

function createContext(store: Store, signal = new AbortController().signal): Context {
  return { config: loadConfig({ env: {}, cwd: REPO_ROOT }), store, log: silentLogger, progress: silentProgress, signal };
}

function processPostings(store: Store, options: Partial<ProcessOptions> = {}) {
  return runProcess(createContext(store), { batchSize: 100, ...options });
}

/** Reads every normalized column, link and skill of every posting, in id order: equal snapshots mean nothing changed. */
async function snapshotResults(db: Kysely<Database>): Promise<unknown[]> {
  const postings = await sql<Record<string, unknown>>`
    select p.id, p.org_id, p.title_norm_id, p.location_id, p.title_family, p.employment_type, p.seniority,
      p.salary_min, p.salary_max, p.currency, p.salary_period, p.salary_disclosed, p.salary_monthly_kes,
      p.education, p.professional_qualifications, p.experience_years, p.date_posted, p.deadline,
      p.quality_score, p.content_hash, p.duplicate_of, p.reject_reason,
      (select string_agg(s.skill_id || ':' || s.confidence, ',' order by s.skill_id) from job_skill s where s.job_id = p.id) as skills
    from job_post p order by p.id
  `.execute(db);
  return postings.rows;
}

async function countRows(db: Kysely<Database>, table: 'organization' | 'location' | 'title_norm' | 'skill' | 'job_skill'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Returns how often each posting id appears in the 'batch saved' entries of processing_log. */
async function countSavesPerPosting(db: Kysely<Database>): Promise<Map<string, number>> {
  const entries = await db.selectFrom('processing_log').select('details').where('stage', '=', 'process').where('message', '=', 'batch saved').execute();
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const id of (entry.details as { ids: string[] }).ids) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

async function insertPosting(db: Kysely<Database>, values: { url: string; source?: string; title: string; text: string; firstSeen?: string }): Promise<string> {
  const row = await db
    .insertInto('job_post')
    .values({
      source: values.source ?? 'example.org',
      url: values.url,
      url_hash: values.url,
      title_raw: values.title,
      description_raw: values.text,
      first_seen: values.firstSeen ?? '2026-01-15T08:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describeEachStore('runProcess on the legacy sample', (getStore) => {
  beforeAll(async () => {
    const { store } = getStore();
    await runMigrate(createContext(store), {
      fromPath: LEGACY_FILE,
      table: 'jobs_data',
      batchSize: 1000,
      isDryRun: false,
      rejectsPath: path.join(os.tmpdir(), `nextke-process-test-rejects-${Date.now()}.jsonl`),
      maxRejectRatio: 1,
      shouldRestart: false,
    });
  });

  it('processes every migrated posting once', async () => {
    const { db } = getStore().store;

    const report = await processPostings(getStore().store);

    expect(report.status).toBe('succeeded');
    expect(report.counts.processed).toBe(MIGRATED_POSTINGS);
    expect(report.details.accepted + report.details.rejected).toBe(MIGRATED_POSTINGS);
    expect(report.counts.rejected).toBeGreaterThan(0);
    expect(report.counts.failed).toBe(0);
    const unprocessed = await db.selectFrom('job_post').select('id').where('processed_at', 'is', null).execute();
    expect(unprocessed).toEqual([]);
    const saves = await countSavesPerPosting(db);
    expect(saves.size).toBe(MIGRATED_POSTINGS);
    expect([...saves.values()].every((count) => count === 1)).toBe(true);
  });

  it('fills the normalized columns and relations', async () => {
    const { db } = getStore().store;
    const report = await processPostings(getStore().store);
    expect(report.counts.processed).toBe(0);

    const filled = await sql<{ family: string; county: string; org: string; skills: string; quality: string; claimed: string }>`
      select count(title_family) as family, count(l.region) as county, count(org_id) as org,
        count(*) filter (where exists (select 1 from job_skill s where s.job_id = p.id)) as skills,
        count(quality_score) as quality, count(claimed_by) as claimed
      from job_post p left join location l on l.id = p.location_id
      where reject_reason is null
    `.execute(db);
    const counts = filled.rows[0]!;
    expect(Number(counts.family)).toBeGreaterThan(400);
    expect(Number(counts.county)).toBeGreaterThan(300);
    expect(Number(counts.org)).toBeGreaterThan(300);
    expect(Number(counts.skills)).toBeGreaterThan(300);
    expect(Number(counts.claimed)).toBe(0);
    expect(await countRows(db, 'organization')).toBeGreaterThan(100);
    expect(await countRows(db, 'title_norm')).toBeGreaterThan(100);
  });

  it('changes nothing when reprocessing', async () => {
    const { db } = getStore().store;
    const before = await snapshotResults(db);
    const referenceCounts = [await countRows(db, 'organization'), await countRows(db, 'location'), await countRows(db, 'skill')];

    const report = await processPostings(getStore().store, { isReprocess: true, batchSize: 250 });

    expect(report.counts.processed).toBe(MIGRATED_POSTINGS);
    expect(await snapshotResults(db)).toEqual(before);
    expect([await countRows(db, 'organization'), await countRows(db, 'location'), await countRows(db, 'skill')]).toEqual(referenceCounts);
  });

  it('applies an accepted title alias on reprocess', async () => {
    const { db } = getStore().store;
    const target = await db
      .selectFrom('job_post')
      .select(['id', 'title_raw', 'title_family'])
      .where('reject_reason', 'is', null)
      .where('title_family', '=', 'finance_accounting')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('learned_pattern')
      .values({
        kind: 'title_alias',
        pattern_key: target.title_raw!,
        value: JSON.stringify({ family: 'security', canonical: 'learned alias title' }),
        support: 5,
        confidence: 0.9,
        status: 'accepted',
      })
      .execute();

    await processPostings(getStore().store, { isReprocess: true, batchSize: 300 });

    const after = await db
      .selectFrom('job_post')
      .innerJoin('title_norm', 'title_norm.id', 'job_post.title_norm_id')
      .select(['job_post.title_family', 'title_norm.canonical'])
      .where('job_post.id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(after.title_family).toBe('security');
    expect(after.canonical).toBe('learned alias title');
    await db.deleteFrom('learned_pattern').execute();
  });

  it('splits the work between two concurrent runs', async () => {
    const { db, kind } = getStore().store;
    await db.deleteFrom('processing_log').execute();
    await db.updateTable('job_post').set({ processed_at: null }).execute();

    const [first, second] = await Promise.all([processPostings(getStore().store, { batchSize: 25 }), processPostings(getStore().store, { batchSize: 25 })]);

    expect(first.details.processed + second.details.processed).toBe(MIGRATED_POSTINGS);
    if (kind === 'postgres') {
      expect(first.counts.processed).toBeGreaterThan(0);
      expect(second.counts.processed).toBeGreaterThan(0);
    }
    const saves = await countSavesPerPosting(db);
    expect(saves.size).toBe(MIGRATED_POSTINGS);
    expect([...saves.values()].filter((count) => count !== 1)).toEqual([]);
  });

  it('takes over claims whose lease expired', async () => {
    const { db } = getStore().store;
    const ids = (await db.selectFrom('job_post').select('id').orderBy('id').limit(30).execute()).map((row) => row.id);
    const [expired, live] = [ids.slice(0, 20), ids.slice(20)];
    await db.updateTable('job_post').set({ processed_at: null }).where('id', 'in', ids).execute();
    await sql`update job_post set claimed_by = 'crashed:1:dead', claimed_until = now() - interval '1 minute' where id = any(${expired}::bigint[])`.execute(db);
    await sql`update job_post set claimed_by = 'alive:2:busy', claimed_until = now() + interval '1 hour' where id = any(${live}::bigint[])`.execute(db);

    const report = await processPostings(getStore().store);

    expect(report.counts.processed).toBe(expired.length);
    const stillClaimed = await db.selectFrom('job_post').select('id').where('claimed_by', '=', 'alive:2:busy').where('processed_at', 'is', null).orderBy('id').execute();
    expect(stillClaimed.map((row) => row.id)).toEqual(live);
    await db.updateTable('job_post').set({ claimed_by: null, claimed_until: null }).where('id', 'in', live).execute();
    await processPostings(getStore().store);
  });

  it('writes nothing for a worker whose claim was taken over', async () => {
    const { db } = getStore().store;
    const id = await insertPosting(db, { url: 'https://example.org/jobs/taken-over', title: 'Driver', text: 'Drive the company van.' });
    const [claimedByStale] = await claimPostings(db, { workerId: 'stale', limit: 1, leaseMs: 60_000, afterId: String(Number(id) - 1) });
    expect(claimedByStale?.id).toBe(id);
    await sql`update job_post set claimed_until = now() - interval '1 second' where id = ${id}`.execute(db);
    const [claimedByNext] = await claimPostings(db, { workerId: 'next', limit: 1, leaseMs: 60_000, afterId: String(Number(id) - 1) });
    expect(claimedByNext?.id).toBe(id);

    const result = await saveProcessedBatch(db, 'stale', [toRejectedPosting({ id, firstSeen: new Date() }, 'not_found')]);

    expect(result.saved).toEqual([]);
    const row = await db.selectFrom('job_post').select(['processed_at', 'claimed_by']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.processed_at).toBeNull();
    expect(row.claimed_by).toBe('next');
    await db.updateTable('job_post').set({ claimed_by: null, claimed_until: null }).where('id', '=', id).execute();
  });

  it('stops after the current batch when interrupted', async () => {
    const { db } = getStore().store;
    await db.updateTable('job_post').set({ processed_at: null }).execute();
    const controller = new AbortController();
    const ctx = { ...createContext(getStore().store, controller.signal), progress: { ...silentProgress, update: () => controller.abort() } };

    const report = await runProcess(ctx, { batchSize: 50 });

    expect(report.status).toBe('interrupted');
    expect(report.counts.processed).toBe(50);
    const claimed = await db.selectFrom('job_post').select('id').where('claimed_by', 'is not', null).execute();
    expect(claimed).toEqual([]);
    await processPostings(getStore().store, { batchSize: 500 });
  });
});

describeEachStore('runProcess duplicates and stored pages', (getStore) => {
  const advert = (extra: string) =>
    'Kilima Microfinance seeks an accountant to prepare monthly management accounts, reconcile supplier statements and bank accounts, ' +
    'process payroll for 120 staff, file VAT and PAYE returns with KRA, support the annual external audit and maintain the fixed asset register. ' +
    'Requirements: Bachelor of Commerce (Accounting option), CPA Part III, three years of experience in a busy finance office, ' +
    `working knowledge of Sage and QuickBooks and strong Excel skills.\nLocation: Nakuru\nCompany: Kilima Microfinance Ltd\n${extra}`;

  it('links copies on two boards to the earliest', async () => {
    const { db } = getStore().store;
    const later = await insertPosting(db, { url: 'https://a.example/1', source: 'myjobmag', title: 'Accountant', text: advert('Apply on MyJobMag.'), firstSeen: '2026-02-02T00:00:00Z' });
    const earliest = await insertPosting(db, { url: 'https://b.example/1', source: 'brightermonday', title: 'Accountant at Kilima Microfinance', text: advert('Apply now.'), firstSeen: '2026-02-01T00:00:00Z' });
    const other = await insertPosting(db, {
      url: 'https://c.example/1',
      title: 'Accountant',
      text: 'Kilima Microfinance needs a part-time accountant for its Kisumu branch to keep petty cash books, bank deposits and daily reports for the branch manager. '.repeat(3),
    });

    const report = await runProcess(createContext(getStore().store), { batchSize: 2 });

    expect(report.counts.duplicates).toBe(1);
    const rows = await db.selectFrom('job_post').select(['id', 'duplicate_of']).where('id', 'in', [later, earliest, other]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: later, duplicate_of: earliest },
      { id: earliest, duplicate_of: null },
      { id: other, duplicate_of: null },
    ]);
  });

  it('moves links to an earlier copy processed later', async () => {
    const { db } = getStore().store;
    const earlier = await insertPosting(db, { url: 'https://d.example/1', title: 'Accountant', text: advert('Posted first.'), firstSeen: '2026-01-01T00:00:00Z' });

    await runProcess(createContext(getStore().store), { batchSize: 10 });

    const links = await db.selectFrom('job_post').select(['duplicate_of']).where('url', 'in', ['https://a.example/1', 'https://b.example/1']).execute();
    expect(links).toEqual([{ duplicate_of: earlier }, { duplicate_of: earlier }]);
  });

  it('re-extracts scraped postings from their stored page', async () => {
    const { db } = getStore().store;
    const url = 'https://www.brightermonday.co.ke/listings/field-officer';
    const id = await insertPosting(db, { url, source: 'brightermonday', title: 'stored title', text: 'stored text' });
    const expiredId = await insertPosting(db, { url: `${url}-expired`, source: 'brightermonday', title: 'Head Teacher', text: 'stored text' });
    for (const [jobId, fixture] of [
      [id, 'detail.html'],
      [expiredId, 'expired.html'],
    ] as const) {
      await db
        .insertInto('raw_page')
        .values({ job_post_id: jobId, site: 'brightermonday', url, http_status: 200, content_hash: fixture, html: readFileSync(path.join(BRIGHTERMONDAY_FIXTURES, fixture), 'utf8') })
        .execute();
    }

    await runProcess(createContext(getStore().store), { batchSize: 10 });

    const rows = await db
      .selectFrom('job_post')
      .leftJoin('organization', 'organization.id', 'job_post.org_id')
      .select(['job_post.id', 'job_post.reject_reason', 'organization.name'])
      .where('job_post.id', 'in', [id, expiredId])
      .orderBy('job_post.id')
      .execute();
    expect(rows).toEqual([
      { id, reject_reason: null, name: expect.stringMatching(/Kilima Microfinance/) },
      { id: expiredId, reject_reason: 'expired', name: null },
    ]);
  });
});
