/**
 * The `nextke process` stage: claims unprocessed postings in batches, extracts and normalizes
 * them, links near-duplicates and saves everything, one transaction per batch. Any number of runs
 * can work on one database at once: each claims its own batches under a lease, and a crashed
 * run's claims are taken over when its lease ends, or at once by the next run on the same host.
 * Normalizing runs on worker threads, and the next batch is claimed and normalized while the
 * current one is saved.
 */
import { performance } from 'node:perf_hooks';

import { analyzeGrownTables } from '../../db/queries/grown-table-statistics.js';
import { claimPostings, countPostingsToProcess, readDatabaseTime, releaseClaims, type ClaimedPosting } from '../../db/queries/posting-claims.js';
import { findLatestRawPages } from '../../db/queries/raw-pages.js';
import { ErrorTally } from '../../lib/error-tally.js';
import { errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/log.js';
import type { Context } from '../context.js';
import type { StageReport, StageStatus } from '../run-report.js';
import { createBatchNormalizer, type BatchNormalizer } from './batch-normalizer.js';
import { DEFAULT_LEASE_MS } from './claim-lease.js';
import type { AdapterLookup } from './build-posting-input.js';
import { loadLearnedHints } from './load-learned-hints.js';
import type { NormalizedBatch } from './normalize-batch.js';
import { ProcessTally, type ProcessSummary } from './process-tally.js';
import { releaseDeadLocalClaims } from './release-dead-local-claims.js';
import { resolveWorkerCount } from './resolve-worker-count.js';
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
  /** How long a claim lasts before another run may take it over, in ms; must exceed the time of two batches. */
  leaseMs?: number;
  /** Defaults to `host:pid:random`. */
  workerId?: string;
  /**
   * Worker threads that normalize; 0 normalizes on the main thread. Defaults to
   * NEXTKE_PROCESS_WORKERS, else the number of CPUs.
   */
  workers?: number;
  /** Finds the adapter that re-extracts stored pages; defaults to the configured sites. A lookup given here runs on the main thread. */
  findAdapter?: AdapterLookup;
}

export type ProcessDetails = ProcessSummary & { workerId: string; workers: number };

export { DEFAULT_LEASE_MS } from './claim-lease.js';

/**
 * Processes postings until none is left, the limit is reached or `ctx.signal` aborts. An abort
 * lets the batch being saved finish, releases the claims of the batch prepared next and returns
 * status `interrupted`. Idempotent: postings are written with the same values every time, and a
 * processed posting is taken again only with `isReprocess`. A database or worker error stops the
 * run: the failed batch is rolled back, the claims of every unsaved batch released, and the error
 * thrown. The worker threads are stopped before it returns or throws.
 */
export async function runProcess(ctx: Context, options: ProcessOptions): Promise<StageReport<ProcessDetails>> {
  const startedMs = performance.now();
  const workerId = options.workerId ?? createWorkerId();
  const log = ctx.log.child({ stage: 'process', workerId });
  const { db } = ctx.store;
  const workers = options.findAdapter === undefined ? resolveWorkerCount(options.workers, ctx.config.env) : 0;

  await releaseDeadLocalClaims(db, log);
  await refreshStatistics(db, log);
  const processedBefore = options.isReprocess ? await readDatabaseTime(db) : undefined;
  const available = await countPostingsToProcess(db, { source: options.site, processedBefore });
  const total = options.limit === undefined ? available : Math.min(available, options.limit);
  const hints = await loadLearnedHints(db);
  log.info('process started', { postings: total, batchSize: options.batchSize, workers, isReprocess: options.isReprocess === true, site: options.site });

  const normalizer = createBatchNormalizer({ workers, hints, sitesFile: ctx.config.scrape.sitesFile, findAdapter: options.findAdapter, log });
  const run: BatchLoop = { ctx, options, log, workerId, normalizer, processedBefore, claimedCount: 0, tally: new ProcessTally(), errors: new ErrorTally() };
  let isInterrupted: boolean;
  ctx.progress.start('processing postings', total);
  try {
    isInterrupted = await processBatches(run, total);
  } finally {
    ctx.progress.stop();
    await normalizer.close();
  }

  const summary = run.tally.summarize(performance.now() - startedMs);
  log.info('process finished', { ...summary, rejectedByReason: undefined, fieldsFilledPercent: undefined });
  return buildReport(summary, { workerId, workers }, run.errors, isInterrupted);
}

interface BatchLoop {
  ctx: Context;
  options: ProcessOptions;
  log: Logger;
  workerId: string;
  normalizer: BatchNormalizer;
  processedBefore: Date | undefined;
  /** Postings claimed so far, saved or not; checked against `options.limit`. */
  claimedCount: number;
  tally: ProcessTally;
  errors: ErrorTally;
}

/** A claimed batch handed to the normalizer. */
interface ClaimedBatch {
  /** The claimed postings' ids, in claim order; their text is not kept once normalized. */
  ids: string[];
  /** Settles when the normalizer is done; always observed, so a failure is read when the loop reaches it. */
  normalized: Promise<NormalizedBatch>;
}

/** The outcome of claiming a batch; never a rejected promise, so a failure waits until the loop reads it. */
type Claim = { batch: ClaimedBatch | null } | { error: unknown };

/**
 * Saves batch after batch in claim order. While one batch is saved, the next is being normalized
 * and the one after it is claimed and queued on the normalizer, so that the worker threads do not
 * sit idle while a claim runs. Returns true when the signal stopped the loop before the work ran
 * out. On any exit the claims of batches not saved are released.
 */
async function processBatches(run: BatchLoop, total: number): Promise<boolean> {
  if (run.ctx.signal.aborted) {
    return true;
  }

  // Claimed batches not saved yet, oldest first.
  const unsaved: ClaimedBatch[] = [];
  let ahead: Promise<Claim> | undefined = claimBatch(run, undefined);
  try {
    for (;;) {
      if (ahead !== undefined) {
        const claim: Claim = await ahead;
        ahead = undefined;
        if ('error' in claim) {
          throw claim.error;
        }
        if (claim.batch !== null) {
          unsaved.push(claim.batch);
          ahead = claimBatch(run, claim.batch.ids.at(-1));
        }
      }

      const current = unsaved[0];
      if (current === undefined) {
        return false;
      }
      if (run.ctx.signal.aborted) {
        return true;
      }

      const normalized = await current.normalized;
      // saveBatch releases the batch's claims itself when the save fails.
      unsaved.shift();
      await saveBatch(run, { ids: current.ids, normalized });
      run.tally.databaseMs += await refreshStatistics(run.ctx.store.db, run.log);
      run.ctx.progress.update({ done: run.tally.processed, total, counts: run.tally.progressCounts() });
    }
  } finally {
    // After an interrupt or an error: batches claimed but not saved give their postings back.
    const pending = ahead === undefined ? undefined : await ahead;
    if (pending !== undefined && 'batch' in pending && pending.batch !== null) {
      unsaved.push(pending.batch);
    }
    for (const batch of unsaved) {
      await releaseQuietly(run, batch.ids);
    }
  }
}

/**
 * Claims the next batch above `afterId` and hands it to the normalizer without waiting for the
 * result. Resolves with a null batch when the limit is reached or nothing is left to claim.
 */
async function claimBatch(run: BatchLoop, afterId: string | undefined): Promise<Claim> {
  const limit = run.options.limit === undefined ? run.options.batchSize : Math.min(run.options.batchSize, run.options.limit - run.claimedCount);
  if (limit <= 0) {
    return { batch: null };
  }

  try {
    const normalizing = await claimAndStartNormalizing(run, limit, afterId);
    if (normalizing === null) {
      return { batch: null };
    }
    run.claimedCount += normalizing.ids.length;

    const started = performance.now();
    const normalized = normalizing.result.then((batch) => {
      run.tally.normalizeMs += performance.now() - started;
      return batch;
    });
    normalized.catch(() => undefined);
    return { batch: { ids: normalizing.ids, normalized } };
  } catch (error) {
    return { error };
  }
}

/**
 * Claims a batch, loads its stored pages and hands both to the normalizer. The claimed rows and
 * pages go out of scope when this returns, so that a batch's text (pages run to 200 KB each) is
 * not held on the main thread while the batch is normalized and saved. Returns null when nothing
 * is left to claim.
 */
async function claimAndStartNormalizing(
  run: BatchLoop,
  limit: number,
  afterId: string | undefined,
): Promise<{ ids: string[]; result: Promise<NormalizedBatch> } | null> {
  const claimed = await claimNextBatch(run, limit, afterId);
  if (claimed.length === 0) {
    return null;
  }
  const ids = claimed.map((posting) => posting.id);

  const started = performance.now();
  const pages = await findLatestRawPages(run.ctx.store.db, ids).catch(async (error: unknown) => {
    await releaseQuietly(run, ids);
    throw error;
  });
  run.tally.databaseMs += performance.now() - started;

  const result = run.normalizer.normalize(claimed, pages);
  // Observed here so that a failure while the caller is still suspended is not reported as unhandled.
  result.catch(() => undefined);
  return { ids, result };
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

/** Saves a normalized batch in one transaction; on failure releases its claims and throws. */
async function saveBatch(run: BatchLoop, batch: { ids: string[]; normalized: NormalizedBatch }): Promise<void> {
  const { ids, normalized } = batch;
  reportProblems(run, normalized);

  const started = performance.now();
  let result: Awaited<ReturnType<typeof saveWithRetry>>;
  try {
    result = await saveWithRetry(run.ctx.store.db, run.workerId, normalized.postings, run.log);
  } catch (error) {
    await releaseQuietly(run, ids);
    throw error;
  }
  run.tally.databaseMs += performance.now() - started;

  run.tally.addSaved(result.saved, result.duplicates);
  run.tally.addLostClaims(ids.length - result.saved.length);
  if (result.saved.length < ids.length) {
    run.log.warn('claims taken over by another run', { lost: ids.length - result.saved.length });
  }
}

/**
 * Analyzes the tables this run fills once they have doubled since their last ANALYZE, so that
 * the claim and save statements keep index plans as the tables grow. Returns the time it took, in ms.
 */
async function refreshStatistics(db: Context['store']['db'], log: Logger): Promise<number> {
  const started = performance.now();
  const analyzed = await analyzeGrownTables(db);
  const elapsedMs = performance.now() - started;
  if (analyzed.length > 0) {
    log.debug('table statistics refreshed', { tables: analyzed, ms: Math.round(elapsedMs) });
  }
  return elapsedMs;
}

/** Ends this run's claims on postings it will not save; a failure is logged, because the lease ends them anyway. */
async function releaseQuietly(run: BatchLoop, ids: readonly string[]): Promise<void> {
  await releaseClaims(run.ctx.store.db, run.workerId, ids).catch((error: unknown) =>
    run.log.warn('claims not released', { postings: ids.length, error: errorMessage(error) }),
  );
}

function reportProblems(run: BatchLoop, batch: NormalizedBatch): void {
  for (const warning of batch.warnings) {
    run.errors.add('reextraction_failed', warning.message);
    run.log.debug('re-extraction failed, stored text used', { jobId: warning.jobId, error: warning.message });
  }
  for (const error of batch.errors) {
    run.errors.add('processing_error', error.message);
    run.log.warn('posting failed', { jobId: error.jobId, error: error.message });
  }
}

function buildReport(summary: ProcessSummary, identity: { workerId: string; workers: number }, errors: ErrorTally, isInterrupted: boolean): StageReport<ProcessDetails> {
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
    details: { ...summary, ...identity },
  };
}
