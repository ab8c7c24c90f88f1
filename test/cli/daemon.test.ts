import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SHARED_DATA_DIR, collectCliResult, runCli, startCli, type CliResult } from '../helpers/run-cli.js';
import { WORKFLOW_LOCK_KEY } from '../../src/workflow/workflow-lock.js';
import { TEST_DATABASE_URL, createThrowawayDatabase, dropDatabase } from '../helpers/test-store.js';
import { startLocalBoards, type LocalBoards } from './workflow-boards.js';

const LEGACY_FILE = path.join(SHARED_DATA_DIR, 'legacy-jobs.sqlite');
const FAR_AWAY = '0 0 1 1 *';

function tempFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'nextke-daemon-cli-'));
}

/** Resolves once the child's stderr matches `pattern`; rejects if the child exits first. */
function waitForStderr(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const onData = (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (pattern.test(stderr)) {
        child.stderr?.off('data', onData);
        resolve(stderr);
      }
    };
    child.stderr?.on('data', onData);
    child.on('close', () => reject(new Error(`nextke exited before logging ${pattern}:\n${stderr}`)));
  });
}

async function query<T>(databaseUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('nextke daemon flags', () => {
  it('exits 2 naming a bad cron expression', async () => {
    const result = await runCli(['daemon', '--workflow-cron', '0 25 * * *'], { cwd: tempFolder() });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('invalid cron expression "0 25 * * *" for the workflow schedule (from --workflow-cron)');
  });

  it('exits 2 on a bad expression from the environment', async () => {
    const result = await runCli(['daemon'], { cwd: tempFolder(), env: { NEXTKE_SCHEDULE_INSIGHTS: 'every four hours' } });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('"every four hours" for the insights schedule (from NEXTKE_SCHEDULE_INSIGHTS)');
  });

  it('exits 2 for --worker on the embedded store', async () => {
    const cwd = tempFolder();
    const result = await runCli(['daemon', '--worker'], { cwd, env: { NEXTKE_DATA_DIR: path.join(cwd, 'data') } });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--worker needs a PostgreSQL server');
  });
});

/** Environment where every site refuses connections at once and processing takes a few seconds. */
async function downBoardsEnv(): Promise<Record<string, string>> {
  const boards = await startLocalBoards(1);
  const env: Record<string, string> = { ...boards.env, WORKFLOW_BATCH_SIZE: '5' };
  for (const name of Object.keys(env).filter((key) => key.startsWith('NEXTKE_SITE_BASE_URL_'))) {
    env[name] = boards.env.NEXTKE_SITE_BASE_URL_JOBWEBKENYA as string;
  }
  await boards.close();
  return env;
}

interface StoreUnderTest {
  env: Record<string, string>;
  cwd: string;
  readRuns(): Promise<Array<{ id: string; status: string; resumedFrom: string | null; trigger: string }>>;
  isLockFree(): Promise<boolean>;
  dispose(): Promise<void>;
}

async function embeddedStore(): Promise<StoreUnderTest> {
  const cwd = tempFolder();
  const dataDir = path.join(cwd, 'data');
  return {
    env: { NEXTKE_DATA_DIR: dataDir },
    cwd,
    readRuns: async () => {
      const status = await runCli(['status', '--json'], { cwd, env: { NEXTKE_DATA_DIR: dataDir } });
      return JSON.parse(status.stdout).runs.map((run: { id: string; status: string; trigger: string }) => ({ ...run, resumedFrom: null }));
    },
    isLockFree: async () => !existsSync(path.join(dataDir, 'nextke.lock')),
    dispose: async () => undefined,
  };
}

async function postgresStore(): Promise<StoreUnderTest> {
  const databaseUrl = await createThrowawayDatabase();
  return {
    env: { DATABASE_URL: databaseUrl },
    cwd: tempFolder(),
    readRuns: async () =>
      (await query<{ id: string; status: string; resumed_from: string | null; trigger: string }>(databaseUrl, 'select id, status, resumed_from, trigger from workflow_run order by id desc')).map(
        (row) => ({ id: row.id, status: row.status, resumedFrom: row.resumed_from, trigger: row.trigger }),
      ),
    isLockFree: async () =>
      (
        await query(
          databaseUrl,
          `select 1 from pg_locks where locktype = 'advisory' and granted and classid = $1 and objid = $2
             and database = (select oid from pg_database where datname = current_database())`,
          [WORKFLOW_LOCK_KEY.classId, WORKFLOW_LOCK_KEY.objectId],
        )
      ).length === 0,
    dispose: () => dropDatabase(databaseUrl),
  };
}

const STORE_FACTORIES: Array<[string, () => Promise<StoreUnderTest>]> = [['embedded', embeddedStore]];
if (TEST_DATABASE_URL) {
  STORE_FACTORIES.push(['postgres', postgresStore]);
}

for (const [kind, createStore] of STORE_FACTORIES) {
  describe(`nextke daemon stopped by SIGTERM [${kind}]`, () => {
    it('stops cleanly and resumes on restart', { timeout: 300_000 }, async () => {
      const store = await createStore();
      try {
        const env = { ...store.env, ...(await downBoardsEnv()) };
        const migrate = await runCli(['workflow', '--migrate-from', LEGACY_FILE, '--stages', 'migrate'], { cwd: store.cwd, env });
        expect(migrate.exitCode).toBe(0);

        const daemon = startCli(['daemon', '--workflow-cron', '*/2 * * * * *', '--check-cron', FAR_AWAY, '--insights-cron', FAR_AWAY, '--no-resume'], { cwd: store.cwd, env });
        const stopped = collectCliResult(daemon, { timeoutMs: 250_000 });
        await waitForStderr(daemon, /process started/);
        daemon.kill('SIGTERM');
        const result: CliResult = await stopped;

        expect(result.exitCode).toBe(130);
        expect(result.stderr).toContain('daemon stopped');
        const interrupted = (await store.readRuns())[0];
        expect(interrupted?.status).toBe('interrupted');
        expect(interrupted?.trigger).toBe('schedule');
        expect(await store.isLockFree()).toBe(true);

        const restarted = startCli(['daemon', '--workflow-cron', FAR_AWAY, '--check-cron', FAR_AWAY, '--insights-cron', FAR_AWAY], { cwd: store.cwd, env });
        const restartResult = collectCliResult(restarted, { timeoutMs: 250_000 });
        await waitForStderr(restarted, /schedule finished .*schedule=resume/);
        restarted.kill('SIGTERM');
        expect((await restartResult).exitCode).toBe(130);

        const runs = await store.readRuns();
        // The resume starts at the interrupted process stage, so the down boards are not checked again.
        expect(runs[0]?.status).toBe('succeeded');
        expect(runs[1]?.id).toBe(interrupted?.id);
        if (kind === 'postgres') {
          expect(runs[0]?.resumedFrom).toBe(interrupted?.id);
        }
      } finally {
        await store.dispose();
      }
    });
  });
}

describe.skipIf(!TEST_DATABASE_URL)('nextke daemon --worker, three processes', () => {
  let boards: LocalBoards;
  let databaseUrl: string;

  beforeAll(async () => {
    boards = await startLocalBoards(20);
    databaseUrl = await createThrowawayDatabase();
  });

  afterAll(async () => {
    await boards.close();
    await dropDatabase(databaseUrl);
  });

  it('shares the daily run without repeats', { timeout: 320_000 }, async () => {
    const env = { ...boards.env, DATABASE_URL: databaseUrl, WORKFLOW_BATCH_SIZE: '25' };
    expect((await runCli(['workflow', '--migrate-from', LEGACY_FILE, '--stages', 'migrate'], { env, cwd: tempFolder() })).exitCode).toBe(0);

    // A daily expression for a minute at least 45 s away, so that all three workers are up before
    // it comes. pg-boss then enqueues the workflow job once, within that minute.
    const fireAt = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
    const dailyCron = `${fireAt.getUTCMinutes()} ${fireAt.getUTCHours()} * * *`;
    const args = ['daemon', '--worker', '--poll-seconds', '1', '--timezone', 'UTC', '--workflow-cron', dailyCron, '--check-cron', FAR_AWAY, '--insights-cron', FAR_AWAY];
    const workers = [0, 1, 2].map(() => startCli(args, { env, cwd: tempFolder() }));
    const results = workers.map((worker) => collectCliResult(worker, { timeoutMs: 290_000 }));

    try {
      await Promise.all(workers.map((worker) => waitForStderr(worker, /worker started/)));
      expect(Date.now()).toBeLessThan(fireAt.getTime());

      let runs: Array<{ status: string }> = [];
      for (let attempt = 0; attempt < 150; attempt++) {
        runs = await query<{ status: string }>(databaseUrl, 'select status from workflow_run where trigger = $1', ['schedule']);
        if (runs.length > 0 && runs.every((run) => run.status !== 'running')) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      // Let the other workers poll again: a second enqueue of the same tick would show up now.
      await new Promise((resolve) => setTimeout(resolve, 5_000));

      // Partial, not succeeded: the fourth board refuses connections.
      expect(await query(databaseUrl, 'select status from workflow_run where trigger = $1', ['schedule'])).toEqual([{ status: 'partial' }]);

      const scrapeJobs = await query<{ site: string; state: string }>(databaseUrl, "select data->>'siteId' as site, state from pgboss.job where name = 'nextke-scrape-site' order by site");
      expect(scrapeJobs).toEqual([
        { site: 'brightermonday', state: 'completed' },
        { site: 'careerjet', state: 'completed' },
        { site: 'jobwebkenya', state: 'completed' },
        { site: 'myjobmag', state: 'completed' },
      ].filter((job) => job.site !== boards.downSite));

      const dailyJobs = await query(databaseUrl, "select id from pgboss.job where name = 'nextke-workflow'");
      expect(dailyJobs).toHaveLength(1);

      const [saves] = await query<{ saved: string; repeated: string }>(
        databaseUrl,
        `select count(*) as saved, count(*) filter (where saves > 1) as repeated
         from (select posting.id, count(*) as saves
               from processing_log, jsonb_array_elements_text(details->'ids') as posting(id)
               where stage = 'process' and message = 'batch saved' group by posting.id) as per_posting`,
      );
      const [postings] = await query<{ total: string; unprocessed: string }>(databaseUrl, 'select count(*) as total, count(*) filter (where processed_at is null) as unprocessed from job_post');
      expect(postings?.unprocessed).toBe('0');
      expect(saves).toEqual({ saved: postings?.total, repeated: '0' });
    } finally {
      for (const worker of workers) {
        worker.kill('SIGTERM');
      }
      const finished = await Promise.all(results);
      expect(finished.map((result) => result.exitCode)).toEqual([130, 130, 130]);
    }
  });
});
