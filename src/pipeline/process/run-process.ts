/**
 * The `nextke process` stage: claims unprocessed postings in batches, extracts and normalizes
 * them, links near-duplicates and saves everything, one transaction per batch. Any number of runs
 * can work on one database at once: each claims its own batches under a lease, and a crashed
 * run's claims are taken over when the lease ends.
 */
import { performance } from 'node:perf_hooks';

import { claimPostings, countPostingsToProcess, readDatabaseTime, releaseClaims, type ClaimedPosting } from '../../db/queries/posting-claims.js';
import { findLatestRawPages } from '../../db/queries/raw-pages.js';
import { ErrorTally } from '../../lib/error-tally.js';
import type { Logger } from '../../lib/log.js';
import type { Context } from '../context.js';
import type { StageReport, StageStatus } from '../run-report.js';
import { createAdapterLookup } from './adapter-lookup.js';
import type { AdapterLookup } from './build-posting-input.js';
import { loadLearnedHints, type LearnedHints } from './load-learned-hints.js';
import { normalizeBatch } from './normalize-batch.js';
import { ProcessTally, type ProcessSummary } from './process-tally.js';
import { saveWithRetry } from './save-with-retry.js';
import { createWorkerId } from './worker-id.js';

export interface ProcessOptions {
  /** Postings claimed and saved per transaction. */
  batchSize: number;
  /** Stop after this many postings; all when omitted. */
  limit?: number;
  /** Process every posting again, processed or not: after a normalizer change. */
  isReprocess?: boolean;
  /** Only postings of this source (board key or domain). */
  site?: string;
  /** How long a claim lasts before another run may take it over, in ms; must exceed the time of one batch. */
  leaseMs?: number;
  /** Defaults to `host:pid:random`. */
  workerId?: string;
  /** Finds the adapter that re-extracts stored pages; defaults to the configured sites. */
  findAdapter?: AdapterLookup;
}

export type ProcessDetails = ProcessSummary & { workerId: string };

/** Five minutes: a batch of thousands of postings is saved in seconds, so only a dead run loses its lease. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * Processes postings until none is left, the limit is reached or `ctx.signal` aborts. An abort
 * lets the current batch finish and returns status `interrupted`. Idempotent: postings are
 * written with the same values every time, and a processed posting is taken again only with
 * `isReprocess`. A database error stops the run: the failed batch is rolled back, its claims
 * released, and the error thrown.
 */
export async function runProcess(ctx: Context, options: ProcessOptions): Promise<StageReport<ProcessDetails>> {
  const startedMs = performance.now();
  const workerId = options.workerId ?? createWorkerId();
  const log = ctx.log.child({ stage: 'process', workerId });
  const { db } = ctx.store;

  const processedBefore = options.isReprocess ? await readDatabaseTime(db) : undefined;
  const available = await countPostingsToProcess(db, { source: options.site, processedBefore });
  const total = options.limit === undefined ? available : Math.min(available, options.limit);
  const hints = await loadLearnedHints(db);
  const findAdapter = options.findAdapter ?? createAdapterLookup(ctx.config.scrape.sitesFile, log);
  log.info('process started', { postings: total, batchSize: options.batchSize, isReprocess: options.isReprocess === true, site: options.site });

  const run: BatchLoop = { ctx, options, log, workerId, hints, findAdapter, processedBefore, tally: new ProcessTally(), errors: new ErrorTally() };
  ctx.progress.start('processing postings', total);
  const isInterrupted = await processBatches(run, total);
  ctx.progress.stop();

  const summary = run.tally.summarize(performance.now() - startedMs);
  log.info('process finished', { ...summary, rejectedByReason: undefined, fieldsFilledPercent: undefined });
  return buildReport(summary, workerId, run.errors, isInterrupted);
}

interface BatchLoop {
  ctx: Context;
  options: ProcessOptions;
  log: Logger;
  workerId: string;
  hints: LearnedHints;
  findAdapter: AdapterLookup;
  processedBefore: Date | undefined;
  tally: ProcessTally;
  errors: ErrorTally;
}

/** Claims and processes batches; returns true when the signal stopped the loop before the work ran out. */
async function processBatches(run: BatchLoop, total: number): Promise<boolean> {
  let claimedCount = 0;
  let afterId: string | undefined;

  for (;;) {
    if (run.ctx.signal.aborted) {
      return true;
    }
    const remaining = run.options.limit === undefined ? run.options.batchSize : Math.min(run.options.batchSize, run.options.limit - claimedCount);
    if (remaining <= 0) {
      return false;
    }

    const claimed = await claimNextBatch(run, remaining, afterId);
    if (claimed.length === 0) {
      return false;
    }
    claimedCount += claimed.length;
    afterId = claimed.at(-1)?.id;

    await processClaimedBatch(run, claimed);
    run.ctx.progress.update({ done: run.tally.processed, total, counts: run.tally.progressCounts() });
  }
}

/**
 * Claims the next batch above `afterId`, so a run walks the table once instead of rescanning
 * postings it has passed. When nothing is left above it, one claim from the start picks up
 * claims that expired behind it.
 */
async function claimNextBatch(run: BatchLoop, limit: number, afterId: string | undefined): Promise<ClaimedPosting[]> {
  const started = performance.now();
  const claim = (after: string | undefined) =>
    claimPostings(run.ctx.store.db, {
      workerId: run.workerId,
      limit,
      leaseMs: run.options.leaseMs ?? DEFAULT_LEASE_MS,
      afterId: after,
      source: run.options.site,
      processedBefore: run.processedBefore,
    });

  let claimed = await claim(afterId);
  if (claimed.length === 0 && afterId !== undefined) {
    claimed = await claim(undefined);
  }
  run.tally.databaseMs += performance.now() - started;
  return claimed;
}

async function processClaimedBatch(run: BatchLoop, claimed: readonly ClaimedPosting[]): Promise<void> {
  const { db } = run.ctx.store;
  const ids = claimed.map((posting) => posting.id);

  try {
    let started = performance.now();
    const pages = await findLatestRawPages(db, ids);
    run.tally.databaseMs += performance.now() - started;

    started = performance.now();
    const batch = normalizeBatch(claimed, pages, run.hints, run.findAdapter);
    run.tally.normalizeMs += performance.now() - started;
    reportProblems(run, batch);

    started = performance.now();
    const result = await saveWithRetry(db, run.workerId, batch.postings, run.log);
    run.tally.databaseMs += performance.now() - started;

    run.tally.addSaved(result.saved, result.duplicates);
    run.tally.addLostClaims(claimed.length - result.saved.length);
    if (result.saved.length < claimed.length) {
      run.log.warn('claims taken over by another run', { lost: claimed.length - result.saved.length });
    }
  } catch (error) {
    await releaseClaims(db, run.workerId, ids).catch((releaseError: unknown) => run.log.warn('claims not released', { error: String(releaseError) }));
    throw error;
  }
}

function reportProblems(run: BatchLoop, batch: ReturnType<typeof normalizeBatch>): void {
  for (const warning of batch.warnings) {
    run.errors.add('reextraction_failed', warning.message);
    run.log.debug('re-extraction failed, stored text used', { jobId: warning.jobId, error: warning.message });
  }
  for (const error of batch.errors) {
    run.errors.add('processing_error', error.message);
    run.log.warn('posting failed', { jobId: error.jobId, error: error.message });
  }
}

function buildReport(summary: ProcessSummary, workerId: string, errors: ErrorTally, isInterrupted: boolean): StageReport<ProcessDetails> {
  const failed = summary.rejectedByReason.processing_error ?? 0;
  // Any posting that failed in the code (not one the normalizers rejected) makes the run partial.
  let status: StageStatus = failed > 0 ? 'partial' : 'succeeded';
  if (isInterrupted) {
    status = 'interrupted';
  }

  return {
    stage: 'process',
    status,
    counts: {
      processed: summary.processed,
      accepted: summary.accepted,
      rejected: summary.rejected,
      duplicates: summary.duplicates,
      failed,
      lostClaims: summary.lostClaims,
    },
    durationMs: Math.round(summary.seconds * 1000),
    errorGroups: errors.top(),
    details: { ...summary, workerId },
  };
}
