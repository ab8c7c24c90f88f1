/**
 * The real stages behind `nextke workflow` and the daemon, each adapted to the workflow's input:
 * stage options come from the resolved configuration and the run's flags, and bulky report
 * details are trimmed before they are stored with the stage.
 */
import path from 'node:path';

import { UsageError } from '../lib/errors.js';
import { runInsights } from '../pipeline/insights/run-insights.js';
import { REPORT_NAMES } from '../pipeline/insights/report-names.js';
import { runLearn } from '../pipeline/learn/run-learn.js';
import { DEFAULT_MAX_REJECT_RATIO, DEFAULT_REJECTS_PATH } from '../pipeline/migrate/migrate-options.js';
import { runMigrate } from '../pipeline/migrate/run-migrate.js';
import { runOptimize } from '../pipeline/optimize/run-optimize.js';
import { runProcess } from '../pipeline/process/run-process.js';
import { createCheckedScrapeStage } from './checked-scrape-stage.js';
import { checkSitesForWorkflow, scrapeSitesLocally } from './site-check-stage.js';
import type { StageRegistry, StageRunner } from './stage-registry.js';

// The legacy import commits this many rows per transaction, the migrate command's default.
const MIGRATE_BATCH_SIZE = 5_000;

const migrateStage: StageRunner = async (ctx, input) => {
  if (!input.migrateFrom) {
    throw new UsageError('stage migrate needs a legacy file', { hint: 'add --migrate-from PATH' });
  }

  return runMigrate(ctx, {
    fromPath: input.migrateFrom,
    table: ctx.config.legacy.table,
    batchSize: MIGRATE_BATCH_SIZE,
    isDryRun: false,
    rejectsPath: path.resolve(DEFAULT_REJECTS_PATH),
    maxRejectRatio: DEFAULT_MAX_REJECT_RATIO,
    shouldRestart: false,
  });
};

const processStage: StageRunner = async (ctx) => runProcess(ctx, { batchSize: ctx.config.workflow.batchSize });

// The daily job accepts the proposals that clear the learn stage's auto-accept thresholds, as
// `nextke learn --auto-accept` does; the rest wait for review.
const learnStage: StageRunner = async (ctx) => runLearn(ctx, { isAutoAccept: true });

// Optimize skips itself, recorded as skipped, below WORKFLOW_LEARNING_THRESHOLD new postings.
const optimizeStage: StageRunner = async (ctx) => runOptimize(ctx, { isForced: false });

const insightsStage: StageRunner = async (ctx, input) => {
  const report = await runInsights(ctx, { reports: REPORT_NAMES, filter: {}, htmlPath: input.htmlDir });
  // The aggregated tables stay out of the run record: they are in metrics_daily and the report file.
  return { ...report, details: { metrics: report.details.metrics, files: report.details.files } };
};

/** Returns the registry of every stage that ships in this build. */
export function createDefaultStageRegistry(): StageRegistry {
  return {
    migrate: migrateStage,
    scrape: createCheckedScrapeStage(checkSitesForWorkflow, scrapeSitesLocally),
    process: processStage,
    learn: learnStage,
    optimize: optimizeStage,
    insights: insightsStage,
  };
}
