import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { describe, expect, it } from 'vitest';

import { SHARED_DATA_DIR, collectCliResult, runCli, startCli } from '../helpers/run-cli.js';
import { TEST_DATABASE_URL, createThrowawayDatabase, dropDatabase } from '../helpers/test-store.js';

const LEGACY_FILE = path.join(SHARED_DATA_DIR, 'legacy-jobs.sqlite');
const STAGES = ['--migrate-from', LEGACY_FILE, '--stages', 'migrate,process'];
// Small batches make the process stage long enough to be killed in the middle.
const SMALL_BATCHES = { WORKFLOW_BATCH_SIZE: '5' };

async function query<T>(databaseUrl: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Posting counts that must match between an uninterrupted run and a killed-then-resumed one. */
async function readOutcome(databaseUrl: string) {
  const [counts] = await query<Record<string, string>>(
    databaseUrl,
    `select count(*) as total, count(processed_at) as processed, count(reject_reason) as rejected,
            count(duplicate_of) as duplicates, count(title_norm_id) as titled, count(claimed_by) as claimed
     from job_post`,
  );
  const [saves] = await query<{ saved: string; repeated: string }>(
    databaseUrl,
    `select count(*) as saved, count(*) filter (where saves > 1) as repeated
     from (select posting.id, count(*) as saves
           from processing_log, jsonb_array_elements_text(details->'ids') as posting(id)
           where stage = 'process' and message = 'batch saved' group by posting.id) as per_posting`,
  );
  return { counts, saves };
}

/** Starts `workflow`, waits until the process stage has saved a few batches, and kills it with SIGKILL. */
async function killDuringProcess(databaseUrl: string): Promise<void> {
  const child = startCli(['workflow', ...STAGES], { env: { DATABASE_URL: databaseUrl, ...SMALL_BATCHES } });
  const finished = collectCliResult(child, { timeoutMs: 200_000 });

  for (let attempt = 0; attempt < 600 && child.exitCode === null; attempt++) {
    const rows = await query<{ processed: string }>(databaseUrl, 'select count(processed_at) as processed from job_post').catch(() => []);
    if (Number(rows[0]?.processed ?? 0) >= 20) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');

  const result = await finished;
  expect(result.signal).toBe('SIGKILL');
}

describe.skipIf(!TEST_DATABASE_URL)('nextke workflow killed during process', () => {
  it('resumes to the counts of an uninterrupted run', { timeout: 240_000 }, async () => {
    const reference = await createThrowawayDatabase();
    const killed = await createThrowawayDatabase();
    try {
      const uninterrupted = await runCli(['workflow', ...STAGES], { env: { DATABASE_URL: reference, ...SMALL_BATCHES } });
      expect(uninterrupted.stderr).not.toContain('error');
      expect(uninterrupted.exitCode).toBe(0);

      await killDuringProcess(killed);
      const [afterKill] = await query<{ processed: string; status: string }>(
        killed,
        `select (select count(processed_at) from job_post) as processed, (select status from workflow_run order by id desc limit 1) as status`,
      );
      expect(afterKill?.status).toBe('running');
      expect(Number(afterKill?.processed)).toBeGreaterThan(0);
      expect(Number(afterKill?.processed)).toBeLessThan(599);

      const resumed = await runCli(['workflow', '--resume', '--json'], { env: { DATABASE_URL: killed } });
      expect(resumed.exitCode).toBe(0);
      const run = JSON.parse(resumed.stdout);
      expect(run.resumedFrom).toBe('1');
      expect(run.interruptedRunIds).toEqual(['1']);
      expect(run.stages.map((stage: { name: string }) => stage.name)).toEqual(['process']);
      expect(run.stages[0].counts.processed).toBe(599 - Number(afterKill?.processed));

      const expected = await readOutcome(reference);
      const actual = await readOutcome(killed);
      expect(actual.counts).toEqual(expected.counts);
      expect(actual.saves).toEqual({ saved: '599', repeated: '0' });

      const [first] = await query<{ status: string; error: string }>(killed, 'select status, error from workflow_run where id = 1');
      expect(first?.status).toBe('interrupted');
      expect(first?.error).toMatch(/^process \d+ on .* stopped without finishing the run$/);
    } finally {
      await dropDatabase(reference);
      await dropDatabase(killed);
    }
  });
});

describe('nextke workflow --resume on the embedded store', () => {
  it('continues an interrupted run after SIGINT', { timeout: 240_000 }, async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'nextke-resume-'));
    const env = { NEXTKE_DATA_DIR: path.join(cwd, 'data'), ...SMALL_BATCHES };
    const child = startCli(['workflow', ...STAGES], { cwd, env });
    const finished = collectCliResult(child, { timeoutMs: 200_000 });

    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('process started') && !child.killed) {
        setTimeout(() => child.kill('SIGINT'), 500);
      }
    });
    const interrupted = await finished;

    expect(interrupted.exitCode).toBe(130);
    expect(interrupted.stdout).toContain('Continue it with: nextke workflow --resume 1');

    const resumed = await runCli(['workflow', '--resume', '1', '--json'], { cwd, env });
    expect(resumed.exitCode).toBe(0);
    const run = JSON.parse(resumed.stdout);
    expect(run.stages.map((stage: { name: string }) => stage.name)).toEqual(['process']);

    const status = JSON.parse((await runCli(['status', '--json'], { cwd, env })).stdout);
    expect(status.postings.processed).toBe(599);
    expect(status.runs.map((entry: { status: string }) => entry.status)).toEqual(['succeeded', 'interrupted']);
    expect(status.runs[1].stages.map((stage: { status: string }) => stage.status)).toEqual(['succeeded', 'interrupted']);
  });
});
