/**
 * `nextke daemon --worker`: one of any number of processes, on any number of machines, that
 * share one PostgreSQL. pg-boss's cron enqueues each schedule once per tick for the whole
 * cluster. The worker that takes the workflow job runs it under the workflow lock. Its scrape
 * and process stages fan out one job per site and per batch, which every worker drains.
 */
import { once } from 'node:events';
import os from 'node:os';

import PgBoss from 'pg-boss';

import { deleteDaemonHeartbeat, upsertDaemonHeartbeat } from '../db/queries/daemon-heartbeat.js';
import { LockHeldError, UsageError, errorMessage } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { Context } from '../pipeline/context.js';
import type { StageReport } from '../pipeline/run-report.js';
import { createCheckedScrapeStage, type CheckSites, type ScrapeSites } from '../workflow/checked-scrape-stage.js';
import { runWorkflow } from '../workflow/run-workflow.js';
import type { StageRegistry } from '../workflow/stage-registry.js';
import type { WorkflowOptions } from '../workflow/workflow-options.js';
import { createFannedOutProcess, createFannedOutScrape, type ProcessBatchJob, type ScrapeSiteJob } from './distributed-stages.js';
import { JOB_QUEUES, ensureJobQueues } from './job-queues.js';
import { findNextFireTimes } from './next-fire-times.js';
import type { ScheduleConfig } from './resolve-schedules.js';

/** The work a worker does locally; the default stages in production, fakes in tests. */
export interface WorkerJobs {
  /** Stages run in the process that took the workflow job: migrate, learn, optimize, insights. */
  registry: StageRegistry;
  checkSites: CheckSites;
  /** Scrapes the given sites in this process: one site per scrape job. */
  scrapeSites: ScrapeSites;
  /** Processes at most `limit` postings in this process: one batch per process job. */
  processPostings(ctx: Context, limit: number): Promise<StageReport<object>>;
  countPostingsToProcess(ctx: Context): Promise<number>;
}

export interface WorkerOptions {
  schedules: ScheduleConfig;
  /** How often each queue is polled for new jobs and schedules are checked, in seconds (1-45). */
  pollSeconds: number;
  heartbeatIntervalMs?: number;
}

export interface WorkerReport {
  daemonId: string;
  startedAt: string;
  stoppedAt: string;
  /** Jobs this worker finished, by queue; failed ones included. */
  jobCounts: Record<string, number>;
  failedJobCounts: Record<string, number>;
}

// pg-boss keeps its tables in a schema of their own, apart from nextke's.
const PG_BOSS_SCHEMA = 'pgboss';
const DEFAULT_HEARTBEAT_INTERVAL_MS = 30_000;

/** Runs until `ctx.signal` aborts, then lets the jobs in hand stop cleanly. Throws UsageError on the embedded store. */
export async function runWorker(ctx: Context, options: WorkerOptions, jobs: WorkerJobs): Promise<WorkerReport> {
  const database = ctx.config.database;
  if (database.kind !== 'postgres') {
    throw new UsageError('nextke daemon --worker needs a PostgreSQL server: the embedded store serves one process only', {
      hint: 'set DATABASE_URL to a server every worker can reach, or run nextke daemon without --worker',
    });
  }

  const daemonId = `${os.hostname()}:${process.pid}`;
  const startedAt = new Date();
  const log = ctx.log.child({ daemonId, mode: 'worker' });
  const jobCounts: Record<string, number> = {};
  const failedJobCounts: Record<string, number> = {};

  const boss = new PgBoss({
    connectionString: database.url,
    schema: PG_BOSS_SCHEMA,
    max: 4,
    application_name: `nextke worker pid ${process.pid}`,
    cronMonitorIntervalSeconds: options.pollSeconds,
    cronWorkerIntervalSeconds: options.pollSeconds,
  });
  boss.on('error', (error) => log.error('pg-boss error', { error: errorMessage(error) }));
  await boss.start();
  await ensureJobQueues(boss, database.url);
  await scheduleCluster(boss, options.schedules, log);

  const registry: StageRegistry = {
    ...jobs.registry,
    scrape: createCheckedScrapeStage(jobs.checkSites, createFannedOutScrape(boss)),
    process: createFannedOutProcess(boss, jobs.countPostingsToProcess),
  };
  const handle = createJobHandler(log, jobCounts, failedJobCounts);
  const workOptions = { pollingIntervalSeconds: options.pollSeconds, batchSize: 1 };

  await boss.work(JOB_QUEUES.workflow, workOptions, handle(JOB_QUEUES.workflow, () => summarizeRun(ctx, { trigger: 'schedule' }, registry)));
  await boss.work(JOB_QUEUES.insights, workOptions, handle(JOB_QUEUES.insights, () => summarizeRun(ctx, { trigger: 'schedule', stages: ['insights'] }, registry)));
  await boss.work(JOB_QUEUES.check, workOptions, handle(JOB_QUEUES.check, async () => (await jobs.checkSites(ctx)).report));
  await boss.work<ScrapeSiteJob>(JOB_QUEUES.scrapeSite, workOptions, handle(JOB_QUEUES.scrapeSite, (data: ScrapeSiteJob) => jobs.scrapeSites(ctx, [data.siteId], data.runId)));
  await boss.work<ProcessBatchJob>(JOB_QUEUES.processBatch, workOptions, handle(JOB_QUEUES.processBatch, (data: ProcessBatchJob) => jobs.processPostings(ctx, data.limit)));

  const beat = async () => {
    const nextRuns = findNextFireTimes(options.schedules);
    await upsertDaemonHeartbeat(ctx.store.db, { daemonId, host: os.hostname(), pid: process.pid, startedAt, nextRuns }).catch((error) =>
      log.warn('heartbeat failed', { error: errorMessage(error) }),
    );
  };
  await beat();
  const heartbeatTimer = setInterval(() => void beat(), options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS);
  log.info('worker started', { timezone: options.schedules.timezone, ...options.schedules.cron, pollSeconds: options.pollSeconds });

  if (!ctx.signal.aborted) {
    await once(ctx.signal, 'abort');
  }

  log.info('worker stopping');
  clearInterval(heartbeatTimer);
  // graceful: the jobs in hand see the aborted signal, finish their batch and complete.
  await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
  await deleteDaemonHeartbeat(ctx.store.db, daemonId).catch((error) => log.warn('heartbeat row not deleted', { error: errorMessage(error) }));
  log.info('worker stopped', { jobs: jobCounts, failed: failedJobCounts });

  return { daemonId, startedAt: startedAt.toISOString(), stoppedAt: new Date().toISOString(), jobCounts, failedJobCounts };
}

/** Registers the three schedules with pg-boss; every worker writes the same rows, the last start wins. */
async function scheduleCluster(boss: PgBoss, schedules: ScheduleConfig, log: Logger): Promise<void> {
  await boss.schedule(JOB_QUEUES.workflow, schedules.cron.workflow, {}, { tz: schedules.timezone });
  await boss.schedule(JOB_QUEUES.check, schedules.cron.check, {}, { tz: schedules.timezone });
  await boss.schedule(JOB_QUEUES.insights, schedules.cron.insights, {}, { tz: schedules.timezone });
  log.debug('cluster schedules written', { ...schedules.cron, timezone: schedules.timezone });
}

async function summarizeRun(ctx: Context, options: WorkflowOptions, registry: StageRegistry): Promise<Record<string, unknown>> {
  const report = await runWorkflow(ctx, options, registry);
  return { runId: report.runId, status: report.status, exitCode: report.exitCode, error: report.error };
}

/**
 * Wraps a job body so that each job logs one start and one finish line. A held lock completes the
 * job as a skip; any other error is logged and rethrown, so pg-boss retries or dead-letters it.
 */
function createJobHandler(log: Logger, jobCounts: Record<string, number>, failedJobCounts: Record<string, number>) {
  return <TData>(queue: string, body: (data: TData) => Promise<object>) =>
    async (batch: Array<PgBoss.Job<TData>>): Promise<object> => {
      const job = batch[0];
      if (!job) {
        return {};
      }

      const fields = { queue, jobId: job.id, ...(job.data as object) };
      log.info('job started', fields);
      jobCounts[queue] = (jobCounts[queue] ?? 0) + 1;
      try {
        const output = await body(job.data);
        log.info('job finished', { ...fields, ...summarizeOutput(output) });
        return output;
      } catch (error) {
        if (error instanceof LockHeldError) {
          log.warn('job skipped', { ...fields, reason: error.message });
          return { skipped: error.message };
        }
        failedJobCounts[queue] = (failedJobCounts[queue] ?? 0) + 1;
        log.error('job failed', { ...fields, error: errorMessage(error) });
        throw error;
      }
    };
}

function summarizeOutput(output: object): Record<string, unknown> {
  if ('stage' in output && 'counts' in output) {
    const report = output as StageReport<object>;
    return { status: report.status, ...report.counts };
  }
  return output as Record<string, unknown>;
}
