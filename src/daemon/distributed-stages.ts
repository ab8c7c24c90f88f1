/**
 * The scrape and process stages of a workflow that a worker runs. Instead of doing the work in
 * this process, they enqueue one pg-boss job per site or per batch and wait for all of them.
 * Every worker in the cluster drains those queues, this one included.
 */
import type PgBoss from 'pg-boss';

import { InternalError } from '../lib/errors.js';
import type { Context } from '../pipeline/context.js';
import type { StageReport } from '../pipeline/run-report.js';
import { mergeStageReports } from '../workflow/merge-stage-reports.js';
import type { ScrapeSites } from '../workflow/checked-scrape-stage.js';
import type { StageRunner } from '../workflow/stage-registry.js';
import { JOB_QUEUES } from './job-queues.js';
import { waitForJobs, type FinishedJob } from './wait-for-jobs.js';

export interface ScrapeSiteJob {
  siteId: string;
  runId: string;
}

export interface ProcessBatchJob {
  limit: number;
  runId: string;
}

/** Enqueues one scrape job per site and merges their reports. */
export function createFannedOutScrape(boss: PgBoss): ScrapeSites {
  return async (ctx, siteIds, runId) => {
    const startedAtMs = performance.now();
    const ids = await sendAll(boss, JOB_QUEUES.scrapeSite, siteIds.map((siteId): ScrapeSiteJob => ({ siteId, runId })));
    ctx.log.info('scrape jobs enqueued', { runId, jobs: ids.length, sites: siteIds.join(',') });

    const finished = await waitForJobs<StageReport<object>>(boss, JOB_QUEUES.scrapeSite, ids, ctx.signal);
    return mergeStageReports('scrape', finished.map((job, index) => toPartReport('scrape', job, `site ${siteIds[index]}`)), performance.now() - startedAtMs);
  };
}

/**
 * Enqueues one job per batch of the postings waiting now and merges their reports. Claims
 * under a lease keep two workers from processing the same posting.
 */
export function createFannedOutProcess(boss: PgBoss, countPostingsToProcess: (ctx: Context) => Promise<number>): StageRunner {
  return async (ctx, input) => {
    const startedAtMs = performance.now();
    const batchSize = ctx.config.workflow.batchSize;
    const waiting = await countPostingsToProcess(ctx);
    const batchCount = Math.ceil(waiting / batchSize);

    const jobs = Array.from({ length: batchCount }, (): ProcessBatchJob => ({ limit: batchSize, runId: input.runId }));
    const ids = await sendAll(boss, JOB_QUEUES.processBatch, jobs);
    ctx.log.info('process jobs enqueued', { runId: input.runId, jobs: ids.length, postings: waiting });

    const finished = await waitForJobs<StageReport<object>>(boss, JOB_QUEUES.processBatch, ids, ctx.signal);
    return mergeStageReports('process', finished.map((job, index) => toPartReport('process', job, `batch ${index + 1}`)), performance.now() - startedAtMs);
  };
}

async function sendAll(boss: PgBoss, queue: string, payloads: readonly object[]): Promise<string[]> {
  const ids: string[] = [];
  for (const payload of payloads) {
    const id = await boss.send(queue, payload);
    if (id === null) {
      // send returns null only for singleton or throttled jobs, which these queues do not use.
      throw new InternalError(`pg-boss did not enqueue a ${queue} job`);
    }
    ids.push(id);
  }
  return ids;
}

/** Converts a job's output to a part report; a failed or cancelled job becomes a failed part naming its subject. */
function toPartReport(stage: 'scrape' | 'process', job: FinishedJob<StageReport<object>>, subject: string): StageReport<object> {
  if (job.state === 'completed' && job.output && 'status' in job.output) {
    return job.output;
  }

  const message = job.output && 'message' in job.output && job.output.message ? job.output.message : `job ${job.state}`;
  return { stage, status: 'failed', counts: { jobsFailed: 1 }, durationMs: 0, errorGroups: [{ group: `job_${job.state}`, count: 1, example: message }], reason: `${subject}: ${message}`, details: {} };
}
