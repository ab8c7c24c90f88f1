/**
 * The production wiring of the daemon: the real workflow and stages behind each schedule and queue.
 */
import { countPostingsToProcess } from '../db/queries/posting-claims.js';
import { runProcess } from '../pipeline/process/run-process.js';
import { createDefaultStageRegistry } from '../workflow/default-stage-registry.js';
import { runWorkflow } from '../workflow/run-workflow.js';
import { checkSitesForWorkflow, scrapeSitesLocally } from '../workflow/site-check-stage.js';
import type { DaemonJobs } from './run-daemon.js';
import type { WorkerJobs } from './run-worker.js';

export function createDefaultDaemonJobs(): DaemonJobs {
  const registry = createDefaultStageRegistry();
  return {
    runWorkflow: (ctx, options) => runWorkflow(ctx, options, registry),
    checkSites: async (ctx) => (await checkSitesForWorkflow(ctx)).report,
  };
}

export function createDefaultWorkerJobs(): WorkerJobs {
  return {
    registry: createDefaultStageRegistry(),
    checkSites: checkSitesForWorkflow,
    scrapeSites: scrapeSitesLocally,
    processPostings: (ctx, limit) => runProcess(ctx, { batchSize: ctx.config.workflow.batchSize, limit }),
    countPostingsToProcess: (ctx) => countPostingsToProcess(ctx.store.db, {}),
  };
}
