import os from 'node:os';

import { expect, it } from 'vitest';

import { runDaemon, type DaemonJobs } from '../../src/daemon/run-daemon.js';
import { insertWorkflowRun, markWorkflowRunInterrupted } from '../../src/db/queries/workflow-run-writes.js';
import { LockHeldError } from '../../src/lib/errors.js';
import { createMemoryLogger } from '../../src/lib/log.js';
import { silentProgress } from '../../src/lib/progress.js';
import type { Context } from '../../src/pipeline/context.js';
import type { WorkflowOptions } from '../../src/workflow/workflow-options.js';
import type { WorkflowRunReport } from '../../src/workflow/workflow-run-report.js';
import { describeEachStore, type TestStore } from '../helpers/test-store.js';

const EVERY_SECOND = '* * * * * *';
const NEVER_SOON = '0 0 1 1 *';

function fakeRun(runId: string, options: WorkflowOptions): WorkflowRunReport {
  return {
    runId,
    trigger: options.trigger,
    status: 'succeeded',
    exitCode: 0,
    startedAt: '',
    finishedAt: '',
    durationMs: 0,
    resumedFrom: null,
    interruptedRunIds: [],
    stages: [],
    error: null,
  };
}

function makeContext(testStore: TestStore, controller: AbortController, log = createMemoryLogger()): Context & { log: ReturnType<typeof createMemoryLogger> } {
  return { config: {} as Context['config'], store: testStore.store, log, progress: silentProgress, signal: controller.signal };
}

describeEachStore('runDaemon', (getStore) => {
  it('fires schedules, beats and stops on abort', async () => {
    const controller = new AbortController();
    const ctx = makeContext(getStore(), controller);
    const calls: WorkflowOptions[] = [];
    const jobs: DaemonJobs = {
      runWorkflow: async (_ctx, options) => {
        calls.push(options);
        return fakeRun(String(calls.length), options);
      },
      checkSites: async () => ({ stage: 'scrape', status: 'succeeded', counts: { sitesUp: 4 }, durationMs: 1, errorGroups: [], details: {} }),
    };

    const daemon = runDaemon(ctx, { schedules: { cron: { workflow: NEVER_SOON, check: EVERY_SECOND, insights: EVERY_SECOND }, timezone: 'Africa/Nairobi', sources: {} as never }, shouldResumeInterrupted: false }, jobs);
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    const beats = await ctx.store.db.selectFrom('daemon_heartbeat').selectAll().execute();
    expect(beats).toHaveLength(1);
    expect(beats[0]?.daemon_id).toBe(`${os.hostname()}:${process.pid}`);
    expect(Object.keys(beats[0]?.next_runs ?? {}).sort()).toEqual(['check', 'insights', 'workflow']);
    // 1 January 00:00 in Nairobi (UTC+3) is 31 December 21:00 UTC.
    const nextWorkflow = new Date(beats[0]?.next_runs.workflow ?? '');
    expect(nextWorkflow.getUTCDate()).toBe(31);
    expect(nextWorkflow.getUTCHours()).toBe(21);

    controller.abort();
    const report = await daemon;

    expect(report.firedCounts.workflow).toBe(0);
    expect(report.firedCounts.check).toBeGreaterThanOrEqual(2);
    expect(report.firedCounts.insights).toBeGreaterThanOrEqual(2);
    expect(calls.every((options) => options.trigger === 'schedule' && options.stages?.join() === 'insights')).toBe(true);
    expect(await ctx.store.db.selectFrom('daemon_heartbeat').selectAll().execute()).toEqual([]);

    const finished = ctx.log.records.filter((record) => record.event === 'schedule finished' && record.fields.schedule === 'insights');
    expect(finished[0]?.fields).toMatchObject({ runId: '1', status: 'succeeded', exitCode: 0 });
    expect(ctx.log.records.map((record) => record.event)).toContain('daemon stopped');
  });

  it('logs a held lock as a skip', async () => {
    const controller = new AbortController();
    const ctx = makeContext(getStore(), controller);
    const jobs: DaemonJobs = {
      runWorkflow: async () => {
        throw new LockHeldError('workflow lock on db is held by run 7 (pid 1 on other, started 2026-12-04T02:00:00.000Z, trigger manual)');
      },
      checkSites: async () => {
        throw new Error('sites.yaml vanished');
      },
    };

    const daemon = runDaemon(ctx, { schedules: { cron: { workflow: EVERY_SECOND, check: EVERY_SECOND, insights: NEVER_SOON }, timezone: 'UTC', sources: {} as never }, shouldResumeInterrupted: false }, jobs);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    controller.abort();
    const report = await daemon;

    const skipped = ctx.log.records.find((record) => record.event === 'schedule skipped');
    expect(skipped?.fields.reason).toContain('held by run 7');
    const failed = ctx.log.records.find((record) => record.event === 'schedule failed');
    expect(failed?.fields).toMatchObject({ schedule: 'check', error: 'sites.yaml vanished' });
    expect(report.failedCounts.check).toBeGreaterThanOrEqual(1);
    expect(report.failedCounts.workflow).toBe(0);
  });

  it('resumes an interrupted run at start', async () => {
    const controller = new AbortController();
    const ctx = makeContext(getStore(), controller);
    const runId = await insertWorkflowRun(ctx.store.db, { trigger: 'schedule', stages: ['process'], options: {}, host: os.hostname(), pid: process.pid });
    await markWorkflowRunInterrupted(ctx.store.db, runId, 'interrupted by SIGTERM');

    const calls: WorkflowOptions[] = [];
    const jobs: DaemonJobs = {
      runWorkflow: async (_ctx, options) => {
        calls.push(options);
        return fakeRun('99', options);
      },
      checkSites: async () => ({ stage: 'scrape', status: 'succeeded', counts: {}, durationMs: 1, errorGroups: [], details: {} }),
    };

    const daemon = runDaemon(ctx, { schedules: { cron: { workflow: NEVER_SOON, check: NEVER_SOON, insights: NEVER_SOON }, timezone: 'UTC', sources: {} as never } }, jobs);
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    const report = await daemon;

    expect(calls).toEqual([{ trigger: 'schedule', resumeRunId: 'latest' }]);
    expect(report.firedCounts.resume).toBe(1);
  });
});
