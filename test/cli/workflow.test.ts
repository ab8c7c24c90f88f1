import { mkdtempSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SHARED_DATA_DIR, collectCliResult, runCli, startCli } from '../helpers/run-cli.js';
import { TEST_DATABASE_URL, createThrowawayDatabase, dropDatabase } from '../helpers/test-store.js';
import { startLocalBoards, type LocalBoards } from './workflow-boards.js';

const LEGACY_FILE = path.join(SHARED_DATA_DIR, 'legacy-jobs.sqlite');

function tempFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'nextke-workflow-cli-'));
}

describe('nextke workflow flags', () => {
  it('prints the plan with --dry-run', async () => {
    const cwd = tempFolder();
    const result = await runCli(['workflow', '--dry-run', '--json', '--migrate-from', LEGACY_FILE, '--from', 'process'], { cwd, env: { NEXTKE_DATA_DIR: path.join(cwd, 'data') } });

    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ stages: ['process', 'learn', 'optimize', 'insights'], resumedFrom: null, migrateFrom: LEGACY_FILE, htmlDir: null });
  });

  it('exits 2 on an unknown stage', async () => {
    const cwd = tempFolder();
    const result = await runCli(['workflow', '--stages', 'scrape,teleport'], { cwd, env: { NEXTKE_DATA_DIR: path.join(cwd, 'data') } });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('stages');
    expect(result.stdout).toBe('');
  });

  it('exits 2 on --resume with no run recorded', async () => {
    const cwd = tempFolder();
    const result = await runCli(['workflow', '--resume'], { cwd, env: { NEXTKE_DATA_DIR: path.join(cwd, 'data') } });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no workflow run to resume: none recorded yet');
  });

  it('exits 2 on an --html folder it cannot create, before any stage', { timeout: 60_000 }, async () => {
    const cwd = tempFolder();
    const env = { NEXTKE_DATA_DIR: path.join(cwd, 'data') };
    const result = await runCli(['workflow', '--migrate-from', LEGACY_FILE, '--stages', 'migrate,insights', '--html', '/proc/nonexistent/report'], { cwd, env });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('cannot create folder /proc/nonexistent/report for --html');
    const status = JSON.parse((await runCli(['status', '--json'], { cwd, env })).stdout);
    expect(status.postings.total).toBe(0);
  });
});

describe('nextke workflow with a site down', () => {
  let boards: LocalBoards;

  beforeAll(async () => {
    boards = await startLocalBoards();
  });

  afterAll(async () => {
    await boards.close();
  });

  it('finishes every stage, exits 3 and records the down site', { timeout: 240_000 }, async () => {
    const cwd = tempFolder();
    const env = { ...boards.env, NEXTKE_DATA_DIR: path.join(cwd, 'data') };
    const result = await runCli(['workflow', '--migrate-from', LEGACY_FILE, '--html', 'report', '--json'], { cwd, env });

    expect(result.exitCode).toBe(3);
    const run = JSON.parse(result.stdout);
    expect(run.status).toBe('partial');
    expect(run.stages.map((stage: { name: string }) => stage.name)).toEqual(['migrate', 'scrape', 'process', 'learn', 'optimize', 'insights']);
    expect(run.stages.every((stage: { status: string }) => stage.status !== 'failed' && stage.status !== 'pending')).toBe(true);

    const scrape = run.stages[1];
    expect(scrape.status).toBe('partial');
    expect(scrape.counts.sitesDown).toBe(1);
    expect(scrape.error).toContain(`site ${boards.downSite}:`);
    expect(scrape.details.sitesScraped).toEqual(['brightermonday', 'careerjet', 'myjobmag']);
    expect(existsSync(path.join(cwd, 'report'))).toBe(true);

    const status = await runCli(['status', '--json'], { cwd, env });
    const recorded = JSON.parse(status.stdout).runs[0];
    expect(recorded.id).toBe(run.runId);
    expect(recorded.status).toBe('partial');
    expect(recorded.stages[1].error).toContain(`site ${boards.downSite}:`);
    expect(JSON.parse(status.stdout).postings.total).toBeGreaterThan(599);
  });

  it('prints the stage table without --json', { timeout: 180_000 }, async () => {
    const cwd = tempFolder();
    const env = { ...boards.env, NEXTKE_DATA_DIR: path.join(cwd, 'data') };
    // The trigger is explicit because it defaults to 'ci' when CI is set, as it is in CI runs.
    const result = await runCli(['workflow', '--stages', 'scrape,process', '--trigger', 'manual'], { cwd, env });

    expect(result.exitCode).toBe(3);
    expect(result.stdout).toMatch(/Workflow run 1 \(manual\): partial, exit code 3/);
    expect(result.stdout).toMatch(/│ scrape +│ partial/);
    expect(result.stdout).toMatch(/│ process +│ succeeded/);
    expect(result.stderr).toContain('run finished');
  });
});

/** Starts two workflows at once against the same database; returns both results. */
async function startTwoRuns(env: Record<string, string>, cwd: string) {
  const args = ['workflow', '--migrate-from', LEGACY_FILE, '--stages', 'migrate,process', '--trigger', 'manual'];
  const first = startCli(args, { cwd, env });
  const second = startCli(args, { cwd, env });
  return Promise.all([collectCliResult(first), collectCliResult(second)]);
}

describe('nextke workflow twice at once', () => {
  it('runs one and exits 5 for the other on the embedded store', { timeout: 180_000 }, async () => {
    const cwd = tempFolder();
    const results = await startTwoRuns({ NEXTKE_DATA_DIR: path.join(cwd, 'data') }, cwd);
    const codes = results.map((result) => result.exitCode).sort();

    expect(codes).toEqual([0, 5]);
    const loser = results.find((result) => result.exitCode === 5);
    expect(loser?.stderr).toMatch(/in use by pid \d+ on .* since .* \(workflow --migrate-from/);
  });

  it.skipIf(!TEST_DATABASE_URL)('runs one and exits 5 naming the run on PostgreSQL', { timeout: 180_000 }, async () => {
    const databaseUrl = await createThrowawayDatabase();
    try {
      // Create the schema first, so that both runs race for the workflow lock, not for migrations.
      expect((await runCli(['status'], { env: { DATABASE_URL: databaseUrl } })).exitCode).toBe(0);
      const results = await startTwoRuns({ DATABASE_URL: databaseUrl }, tempFolder());
      const codes = results.map((result) => result.exitCode).sort();

      expect(codes).toEqual([0, 5]);
      const loser = results.find((result) => result.exitCode === 5);
      expect(loser?.stderr).toMatch(/workflow lock on .* is held by (run \d+ \(pid \d+ on .*, started .*, trigger manual\)|database session)/);

      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const runs = await client.query('select status from workflow_run');
      await client.end();
      expect(runs.rows).toEqual([{ status: 'succeeded' }]);
    } finally {
      await dropDatabase(databaseUrl);
    }
  });
});
