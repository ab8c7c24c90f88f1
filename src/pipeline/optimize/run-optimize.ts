import { ANALYZED_TABLES, analyzeTable, countPostingsProcessedSince, findLshCoverage } from '../../db/queries/optimize-sources.js';
import { deleteSignatures } from '../../db/queries/posting-minhash.js';
import { findLatestProcessingLogEntry, insertProcessingLogEntry } from '../../db/queries/processing-log-entries.js';
import type { Context } from '../context.js';
import type { StageReport } from '../run-report.js';
import { trainAndStoreTitleClassifier, type ClassifierTraining } from './train-title-classifier.js';

export interface OptimizeOptions {
  /** Run even when fewer than WORKFLOW_LEARNING_THRESHOLD postings were processed since the last run. */
  isForced: boolean;
}

export interface OptimizeDetails {
  processedSinceLastRun: number;
  learningThreshold: number;
  nearDuplicateIndex: { signatures: number; signaturesWithoutBandKeys: number; rejectsRemoved: number } | null;
  classifier: ClassifierTraining | null;
  analyzedTables: string[];
}

const LOG_STAGE = 'optimize';
const LOG_MESSAGE = 'optimize finished';

/**
 * Runs the optimize stage when at least `workflow.learningThreshold` postings were processed since
 * its last run (or when forced): cleans the near-duplicate index, retrains the title-family
 * classifier and reports its held-out accuracy, and runs ANALYZE on the main tables. Records its
 * figures in processing_log. Below the threshold it returns status skipped with the reason.
 */
export async function runOptimize(ctx: Context, options: OptimizeOptions): Promise<StageReport<OptimizeDetails>> {
  const startedMs = performance.now();
  const db = ctx.store.db;
  const learningThreshold = ctx.config.workflow.learningThreshold;

  const lastRun = await findLatestProcessingLogEntry(db, LOG_STAGE, LOG_MESSAGE);
  const processedSinceLastRun = await countPostingsProcessedSince(db, lastRun?.createdAt ?? null);
  const details: OptimizeDetails = { processedSinceLastRun, learningThreshold, nearDuplicateIndex: null, classifier: null, analyzedTables: [] };
  const finish = (status: StageReport['status'], reason?: string): StageReport<OptimizeDetails> => ({
    stage: 'optimize',
    status,
    reason,
    counts: summarizeCounts(details),
    durationMs: Math.round(performance.now() - startedMs),
    errorGroups: [],
    details,
  });

  if (!options.isForced && processedSinceLastRun < learningThreshold) {
    const reason = `${processedSinceLastRun} postings processed since the last optimize run, below WORKFLOW_LEARNING_THRESHOLD=${learningThreshold}; use --force to run anyway`;
    ctx.log.info('optimize skipped', { processedSinceLastRun, learningThreshold });
    return finish('skipped', reason);
  }

  details.nearDuplicateIndex = await cleanNearDuplicateIndex(ctx);
  details.classifier = await trainAndStoreTitleClassifier(db);
  ctx.log.info('title classifier trained', { ...details.classifier });

  for (const table of ANALYZED_TABLES) {
    if (ctx.signal.aborted) {
      return finish('interrupted');
    }
    await analyzeTable(db, table);
    details.analyzedTables.push(table);
  }

  await insertProcessingLogEntry(db, { stage: LOG_STAGE, message: LOG_MESSAGE, details: { ...details } });
  return finish('succeeded');
}

/**
 * Removes rejected postings from the near-duplicate index, so no later posting is linked to a
 * non-job, and counts signatures that lack band keys.
 */
async function cleanNearDuplicateIndex(ctx: Context): Promise<NonNullable<OptimizeDetails['nearDuplicateIndex']>> {
  const coverage = await findLshCoverage(ctx.store.db);
  await deleteSignatures(ctx.store.db, coverage.rejectedWithSignature);

  // NOTE: band keys are derived from a posting's normalized description by the process stage;
  // optimize can only report signatures without keys, and `nextke process --reprocess` rebuilds them.
  if (coverage.signaturesWithoutBandKeys > 0) {
    ctx.log.warn('postings missing near-duplicate band keys', { postings: coverage.signaturesWithoutBandKeys, hint: 'run nextke process --reprocess' });
  }
  return { signatures: coverage.signatures, signaturesWithoutBandKeys: coverage.signaturesWithoutBandKeys, rejectsRemoved: coverage.rejectedWithSignature.length };
}

function summarizeCounts(details: OptimizeDetails): Record<string, number> {
  return {
    processedSinceLastRun: details.processedSinceLastRun,
    signatures: details.nearDuplicateIndex?.signatures ?? 0,
    rejectsRemovedFromIndex: details.nearDuplicateIndex?.rejectsRemoved ?? 0,
    classifierTrainingTitles: details.classifier?.trainingTitles ?? 0,
    classifierTestTitles: details.classifier?.testTitles ?? 0,
    analyzedTables: details.analyzedTables.length,
  };
}
