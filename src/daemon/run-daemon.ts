/**
 * The single-machine daemon: node-cron schedules for the daily workflow, the site health check
 * and the insights refresh, plus a heartbeat row with the next fire times. On SIGINT/SIGTERM it
 * stops cleanly, so the current run records itself interrupted and releases the lock.
 */
import { once } from 'node:events';
import os from 'node:os';

import { createTask, type ScheduledTask } from 'node-cron';

import { deleteDaemonHeartbeat, upsertDaemonHeartbeat } from '../db/queries/daemon-heartbeat.js';
import { findLatestWorkflowRun } from '../db/queries/workflow-run-writes.js';
import { LockHeldError, errorMessage } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { Context } from '../pipeline/context.js';
import type { StageReport } from '../pipeline/run-report.js';
import type { WorkflowOptions } from '../workflow/workflow-options.js';
import type { WorkflowRunReport } from '../workflow/workflow-run-report.js';
import { SCHEDULE_NAMES, type ScheduleConfig, type ScheduleName } from './resolve-schedules.js';

/** The jobs behind the schedules, injected so that tests can use fakes. */
export interface DaemonJobs {
  runWorkflow(ctx: Context, options: WorkflowOptions): Promise<WorkflowRunReport>;
  checkSites(ctx: Context): Promise<StageReport<object>>;
}

export interface DaemonOptions {
  schedules: ScheduleConfig;
  /** How often the heartbeat row is refreshed; `nextke status` drops a daemon after 90 s without one. */
  heartbeatIntervalMs?: number;
  /** Resume the newest run at start when it was interrupted (default true). */
  shouldResumeInterrupted?: boolean;
}

export interface DaemonReport {
  daemonId: string;
  startedAt: string;
  stoppedAt: string;
  /** Times each schedule fired, skips and failures included. */
  firedCounts: Record<ScheduleName | 'resume', number>;
  failedCounts: Record<ScheduleName | 'resume', number>;
}

const DEFAULT_HEARTBEAT_INTERVAL_MS = 30_000;

/** Runs until `ctx.signal` aborts, then waits for the current job to stop and returns a summary. */
export async function runDaemon(ctx: Context, options: DaemonOptions, jobs: DaemonJobs): Promise<DaemonReport> {
  const daemonId = `${os.hostname()}:${process.pid}`;
  const startedAt = new Date();
  const log = ctx.log.child({ daemonId });
  const firedCounts = { workflow: 0, check: 0, insights: 0, resume: 0 };
  const failedCounts = { workflow: 0, check: 0, insights: 0, resume: 0 };
  const inFlight = new Set<Promise<void>>();

  const runJob = (name: ScheduleName | 'resume', job: () => Promise<Record<string, unknown>>) => {
    firedCounts[name]++;
    const promise = runLoggedJob(log, name, job).then((isOk) => {
      if (!isOk) {
        failedCounts[name]++;
      }
    });
    inFlight.add(promise);
    return promise.finally(() => inFlight.delete(promise));
  };

  const jobBodies = createJobBodies(ctx, jobs);
  const tasks = SCHEDULE_NAMES.map((name) =>
    createTask(options.schedules.cron[name], () => (ctx.signal.aborted ? undefined : runJob(name, jobBodies[name])), {
      name,
      timezone: options.schedules.timezone,
      noOverlap: true,
      logger: createCronLogger(log),
    }),
  );
  for (const [index, task] of tasks.entries()) {
    task.on('execution:overlap', () => log.warn('schedule skipped', { schedule: SCHEDULE_NAMES[index], reason: 'the previous run of this schedule is still going' }));
  }

  await Promise.all(tasks.map((task) => task.start()));
  log.info('daemon started', { timezone: options.schedules.timezone, ...options.schedules.cron, ...describeNextRuns(tasks) });

  const beat = () => writeHeartbeat(ctx, log, { daemonId, startedAt, tasks });
  await beat();
  const heartbeatTimer = setInterval(() => void beat(), options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS);

  if ((options.shouldResumeInterrupted ?? true) && (await isLatestRunInterrupted(ctx))) {
    void runJob('resume', () => summarizeRun(jobs.runWorkflow(ctx, { trigger: 'schedule', resumeRunId: 'latest' })));
  }

  if (!ctx.signal.aborted) {
    await once(ctx.signal, 'abort');
  }

  log.info('daemon stopping', { runningJobs: inFlight.size });
  clearInterval(heartbeatTimer);
  await Promise.all(tasks.map((task) => task.destroy()));
  await Promise.all([...inFlight]);
  await deleteDaemonHeartbeat(ctx.store.db, daemonId).catch((error) => log.warn('heartbeat row not deleted', { error: errorMessage(error) }));
  log.info('daemon stopped', { fired: firedCounts, failed: failedCounts });

  return { daemonId, startedAt: startedAt.toISOString(), stoppedAt: new Date().toISOString(), firedCounts, failedCounts };
}

function createJobBodies(ctx: Context, jobs: DaemonJobs): Record<ScheduleName, () => Promise<Record<string, unknown>>> {
  return {
    workflow: () => summarizeRun(jobs.runWorkflow(ctx, { trigger: 'schedule' })),
    insights: () => summarizeRun(jobs.runWorkflow(ctx, { trigger: 'schedule', stages: ['insights'] })),
    check: async () => {
      const report = await jobs.checkSites(ctx);
      return { status: report.status, ...report.counts, reason: report.reason };
    },
  };
}

async function summarizeRun(run: Promise<WorkflowRunReport>): Promise<Record<string, unknown>> {
  const report = await run;
  return { runId: report.runId, status: report.status, exitCode: report.exitCode, error: report.error ?? undefined };
}

/** Runs one job and logs its start and finish; a held lock is a skip, anything else an error. Returns false on failure. */
async function runLoggedJob(log: Logger, name: string, job: () => Promise<Record<string, unknown>>): Promise<boolean> {
  const startedAtMs = Date.now();
  log.info('schedule started', { schedule: name });

  try {
    const summary = await job();
    log.info('schedule finished', { schedule: name, durationMs: Date.now() - startedAtMs, ...summary });
    return true;
  } catch (error) {
    if (error instanceof LockHeldError) {
      log.warn('schedule skipped', { schedule: name, reason: error.message });
      return true;
    }
    log.error('schedule failed', { schedule: name, durationMs: Date.now() - startedAtMs, error: errorMessage(error) });
    return false;
  }
}

async function isLatestRunInterrupted(ctx: Context): Promise<boolean> {
  const latest = await findLatestWorkflowRun(ctx.store.db);
  // A run still marked running may belong to a process that died; the workflow checks under its lock.
  return latest?.status === 'interrupted' || latest?.status === 'running';
}

interface HeartbeatState {
  daemonId: string;
  startedAt: Date;
  tasks: ScheduledTask[];
}

async function writeHeartbeat(ctx: Context, log: Logger, state: HeartbeatState): Promise<void> {
  try {
    await upsertDaemonHeartbeat(ctx.store.db, {
      daemonId: state.daemonId,
      host: os.hostname(),
      pid: process.pid,
      startedAt: state.startedAt,
      nextRuns: describeNextRuns(state.tasks),
    });
  } catch (error) {
    log.warn('heartbeat failed', { error: errorMessage(error) });
  }
}

function describeNextRuns(tasks: readonly ScheduledTask[]): Record<string, string | null> {
  return Object.fromEntries(tasks.map((task, index) => [SCHEDULE_NAMES[index] ?? task.id, task.getNextRun()?.toISOString() ?? null]));
}

/** Routes node-cron's own messages (missed executions, task errors) through the daemon's logger. */
function createCronLogger(log: Logger) {
  const cronLog = log.child({ component: 'node-cron' });
  return {
    info: (message: string) => cronLog.debug(message),
    // The daemon logs overlaps itself, with the schedule's name, so node-cron's own line is debug.
    warn: (message: string) => (message.includes('overlap') ? cronLog.debug(message) : cronLog.warn(message)),
    error: (message: string | Error, error?: Error) => cronLog.error(errorMessage(message), { error: error ? errorMessage(error) : undefined }),
    debug: (message: string | Error) => cronLog.debug(errorMessage(message)),
  };
}
