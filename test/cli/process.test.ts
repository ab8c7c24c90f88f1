import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SHARED_DATA_DIR, collectCliResult, runCli, startCli } from '../helpers/run-cli.js';
import { TEST_DATABASE_URL, createThrowawayDatabase, dropDatabase } from '../helpers/test-store.js';

const LEGACY_FILE = path.join(SHARED_DATA_DIR, 'legacy-jobs.sqlite');
// One of the 600 sample rows has a URL over the 2,048-byte limit, so migrate keeps 599.
const MIGRATED_POSTINGS = 599;

function tempFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'nextke-process-cli-'));
}

async function queryOne<T>(databaseUrl: string, text: string): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(text);
    return result.rows[0] as T;
  } finally {
    await client.end();
  }
}

/** Counts processing_log saves per posting: how many postings were saved, and how many more than once. */
async function countSaves(databaseUrl: string): Promise<{ saved: number; repeated: number }> {
  const row = await queryOne<{ saved: string; repeated: string }>(
    databaseUrl,
    `select count(*) as saved, count(*) filter (where saves > 1) as repeated
     from (select saved_id, count(*) as saves
           from processing_log, jsonb_array_elements_text(details->'ids') as saved_id
           where stage = 'process' and message = 'batch saved' group by saved_id) as per_posting`,
  );
  return { saved: Number(row.saved), repeated: Number(row.repeated) };
}

describe('nextke process on the embedded store', () => {
  it('processes the migrated sample and shows it in status', async () => {
    const cwd = tempFolder();
    const env = { NEXTKE_DATA_DIR: path.join(cwd, 'data') };
    const migrate = await runCli(['migrate', '--from', LEGACY_FILE], { cwd, env });
    expect(migrate.exitCode).toBe(0);

    const result = await runCli(['process', '--json'], { cwd, env });

    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.stage).toBe('process');
    expect(report.counts.processed).toBe(MIGRATED_POSTINGS);
    expect(report.details.rejectedByReason).toBeTypeOf('object');
    expect(report.details.fieldsFilledPercent.county).toBeGreaterThan(50);
    expect(result.stderr).toContain('process finished');

    const status = await runCli(['status', '--json'], { cwd, env });
    const counts = JSON.parse(status.stdout).postings;
    expect(counts.processed).toBe(MIGRATED_POSTINGS);
    expect(counts.unprocessed).toBe(0);
    expect(counts.rejected).toBe(report.counts.rejected);
    expect(counts.duplicates).toBe(report.counts.duplicates);
  });

  it('prints the summary tables without --json', async () => {
    const cwd = tempFolder();
    const env = { NEXTKE_DATA_DIR: path.join(cwd, 'data') };

    const result = await runCli(['process', '--limit', '5'], { cwd, env });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Processing');
    expect(result.stdout).toContain('Fields filled');
  });

  it('exits 2 on an invalid batch size', async () => {
    const result = await runCli(['process', '--batch-size', 'zero'], { env: { NEXTKE_DATA_DIR: path.join(tempFolder(), 'data') } });

    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe.runIf(TEST_DATABASE_URL)('nextke process on PostgreSQL', () => {
  let databaseUrl = '';

  beforeAll(async () => {
    databaseUrl = await createThrowawayDatabase();
    const migrate = await runCli(['migrate', '--from', LEGACY_FILE], { cwd: tempFolder(), env: { DATABASE_URL: databaseUrl } });
    expect(migrate.exitCode).toBe(0);
  });

  afterAll(async () => {
    await dropDatabase(databaseUrl);
  });

  it('splits the work between two processes', async () => {
    const env = { DATABASE_URL: databaseUrl };

    const results = await Promise.all([1, 2].map(() => runCli(['process', '--json', '--batch-size', '20'], { env })));

    const processed = results.map((result) => JSON.parse(result.stdout).counts.processed as number);
    expect(results.map((result) => result.exitCode)).toEqual([0, 0]);
    expect(processed[0]! + processed[1]!).toBe(MIGRATED_POSTINGS);
    expect(processed[0]).toBeGreaterThan(0);
    expect(processed[1]).toBeGreaterThan(0);
    expect(await countSaves(databaseUrl)).toEqual({ saved: MIGRATED_POSTINGS, repeated: 0 });
  });

  it('takes over the claims of a killed process', async () => {
    const env = { DATABASE_URL: databaseUrl };
    await queryOne(databaseUrl, `update job_post set processed_at = null`);
    await queryOne(databaseUrl, `delete from processing_log`);

    // A large batch so that the kill lands while a claim is held.
    const child = startCli(['process', '--batch-size', '200', '--lease-seconds', '10'], { env });
    await new Promise<void>((resolve) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('process started')) {
          setTimeout(resolve, 300);
        }
      });
    });
    child.kill('SIGKILL');
    await collectCliResult(child);

    const held = await queryOne<{ count: string }>(databaseUrl, `select count(*) from job_post where claimed_by is not null and processed_at is null`);
    const before = await queryOne<{ count: string }>(databaseUrl, `select count(*) from job_post where processed_at is null`);
    expect(Number(held.count)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 10_500));

    const result = await runCli(['process', '--json'], { env });

    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).counts.processed).toBe(Number(before.count));
    const remaining = await queryOne<{ count: string }>(databaseUrl, `select count(*) from job_post where processed_at is null`);
    expect(Number(remaining.count)).toBe(0);
    expect((await countSaves(databaseUrl)).repeated).toBe(0);
  });
});
