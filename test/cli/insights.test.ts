import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { createTestStore, type TestStore } from '../helpers/test-store.js';
import { insertInsightsFixture } from '../integration/insights-fixture.js';

describe('nextke insights, learn and optimize', () => {
  let testStore: TestStore;
  let workDir: string;

  beforeAll(async () => {
    testStore = await createTestStore('embedded');
    await insertInsightsFixture(testStore.store.db);
    // The CLI subprocess opens the same folder; PGlite allows one process per folder.
    await testStore.store.close();
    workDir = mkdtempSync(path.join(os.tmpdir(), 'nextke-insights-cli-'));
  });

  afterAll(async () => {
    await testStore.dispose();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('insights --json prints one report on stdout', async () => {
    const result = await runCli(['--json', 'insights', 'salary-insights', '--county', 'Nairobi'], { env: testStore.env });

    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report.details.reports)).toEqual(['salary-insights']);
    expect(report.details.reports['salary-insights'].overall).toEqual({ key: 'all', n: 6, p25: 125_000, p50: 150_000, p75: 175_000 });
  });

  it('insights prints tables and writes csv', async () => {
    const result = await runCli(['insights', '--csv', workDir], { env: testStore.env });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Top employers');
    expect(result.stdout).toContain('Acme Ltd');
    expect(result.stderr).not.toContain('Acme Ltd');
  });

  it('insights --html under /proc exits 2 at once', async () => {
    const result = await runCli(['insights', '--html', '/proc/nonexistent/x.html'], { env: testStore.env, timeoutMs: 30_000 });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('cannot create folder /proc/nonexistent for --html /proc/nonexistent/x.html (ENOENT)');
  });

  it('insights rejects an unknown family with exit 2', async () => {
    const result = await runCli(['insights', '--family', 'NOSUCH'], { env: testStore.env });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('invalid --family "NOSUCH": expected one of administration, finance_accounting,');
    expect(result.stdout).toBe('');
  });

  it('insights rejects an unknown county with exit 2', async () => {
    const result = await runCli(['insights', '--county', 'NOSUCH'], { env: testStore.env });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('invalid --county "NOSUCH": expected a county (Mombasa, Kwale,');
    expect(result.stdout).toBe('');
  });

  it('insights matches family and county in any case', async () => {
    const result = await runCli(['--json', 'insights', 'salary-insights', '--family', 'TECHNOLOGY', '--county', 'nairobi'], { env: testStore.env });

    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.details.reports['salary-insights'].overall.n).toBeGreaterThan(0);
  });

  it('insights rejects an invalid date with exit 2', async () => {
    const result = await runCli(['insights', '--since', '2026-13-01'], { env: testStore.env });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('YYYY-MM-DD');
  });

  it('insights rejects an unknown report with exit 2', async () => {
    const result = await runCli(['insights', 'weather'], { env: testStore.env });

    expect(result.exitCode).toBe(2);
  });

  it('learn --accept rejects an unknown id with exit 2', async () => {
    const result = await runCli(['learn', '--accept', '424242'], { env: testStore.env });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('learned pattern id not found: 424242');
  });

  it('optimize skips below the threshold', async () => {
    const result = await runCli(['--json', 'optimize'], { env: { ...testStore.env, WORKFLOW_LEARNING_THRESHOLD: '1000' } });

    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ stage: 'optimize', status: 'skipped' });
  });
});
