/**
 * The migrate stage: streams the legacy SQLite table into job_post in id order, batch by batch.
 * Each batch commits together with its checkpoint, so a killed run resumes where the last commit
 * left off and ends with exactly the same rows.
 */
import path from 'node:path';

import type { Store } from '../../db/client.js';
import { deleteMigrationCheckpoint, findMigrationCheckpoint, markMigrationFinished } from '../../db/queries/migration-checkpoint.js';
import { ErrorTally } from '../../lib/error-tally.js';
import type { Logger } from '../../lib/log.js';
import type { Context } from '../context.js';
import type { StageReport, StageStatus } from '../run-report.js';
import { createCopyBatchWriter } from './copy-batch-writer.js';
import { createDryRunBatchWriter } from './dry-run-batch-writer.js';
import { createInsertBatchWriter } from './insert-batch-writer.js';
import { openLegacySource, type LegacySource } from './legacy-source.js';
import { LegacyBatch } from './legacy-batch.js';
import { REJECT_REASONS, type RejectedRow } from './map-legacy-row.js';
import type { MigrateOptions } from './migrate-options.js';
import type { BatchOutcome, DuplicateUrl, PostingBatchWriter } from './posting-batch-writer.js';
import { openRejectsFile, type RejectsFile } from './rejects-file.js';

export interface MigrateDetails {
  from: string;
  table: string;
  sourceKey: string;
  isDryRun: boolean;
  /** Rows with a legacy id above this one were read; 0 for a run from the start. */
  resumedAfterLegacyId: number;
  /** The checkpoint at the end of the run. */
  lastLegacyId: number;
  rowsToRead: number;
  rejectsByReason: Record<string, number>;
  /** Path of the rejects file; null when there were no rejects or in a dry run. */
  rejectsFile: string | null;
  maxRejectRatio: number;
  rowsPerSecond: number;
}

interface MigrateCounts {
  read: number;
  inserted: number;
  alreadyPresent: number;
  rejected: number;
  titlesTruncated: number;
  batches: number;
}

/**
 * Migrates the legacy table into job_post. Idempotent: a second run reads only rows above the
 * checkpoint, and a URL already in job_post is never written twice. Stops after the current
 * batch when `ctx.signal` aborts (status `interrupted`). Returns status `partial` when rejects
 * exceed `maxRejectRatio` of the rows read. Throws UsageError when the legacy file, table or a
 * column is missing, LockHeldError when another run migrates the same source.
 */
export async function runMigrate(ctx: Context, options: MigrateOptions): Promise<StageReport<MigrateDetails>> {
  const startedAtMs = performance.now();
  const log = ctx.log.child({ stage: 'migrate' });
  const source = openLegacySource(options.fromPath, options.table);

  try {
    if (options.shouldRestart && !options.isDryRun) {
      await deleteMigrationCheckpoint(ctx.store.db, source.sourceKey);
    }
    const checkpoint = await findMigrationCheckpoint(ctx.store.db, source.sourceKey);
    const resumedAfterLegacyId = options.shouldRestart ? 0 : (checkpoint?.lastLegacyId ?? 0);
    const rowsToRead = source.countRowsAfter(resumedAfterLegacyId);
    log.info('migration started', { from: source.filePath, table: source.table, resumedAfterLegacyId, rowsToRead, isDryRun: options.isDryRun });

    const writer = await openWriter(ctx.store, source.sourceKey, options.isDryRun, log);
    const rejectsFile = options.isDryRun ? null : openRejectsFile(options.rejectsPath);
    const tally = new ErrorTally();
    let result: { counts: MigrateCounts; lastLegacyId: number; isInterrupted: boolean };
    try {
      ctx.progress.start(`migrating ${path.basename(source.filePath)}`, rowsToRead);
      result = await migrateBatches(ctx, source, { writer, rejectsFile, tally, resumedAfterLegacyId, rowsToRead, batchSize: options.batchSize });
    } finally {
      ctx.progress.stop();
      rejectsFile?.close();
      await writer.close();
    }

    if (!result.isInterrupted && !options.isDryRun) {
      await markMigrationFinished(ctx.store.db, source.sourceKey);
    }

    const durationMs = Math.round(performance.now() - startedAtMs);
    const { counts } = result;
    const status = decideStatus(counts, result.isInterrupted, options.maxRejectRatio);
    const details: MigrateDetails = {
      from: source.filePath,
      table: source.table,
      sourceKey: source.sourceKey,
      isDryRun: options.isDryRun,
      resumedAfterLegacyId,
      lastLegacyId: result.lastLegacyId,
      rowsToRead,
      rejectsByReason: tally.toCounts(),
      rejectsFile: rejectsFile && counts.rejected > 0 ? rejectsFile.filePath : null,
      maxRejectRatio: options.maxRejectRatio,
      rowsPerSecond: durationMs > 0 ? Math.round((counts.read * 1000) / durationMs) : 0,
    };
    log.info('migration finished', { status, ...counts, durationMs, rowsPerSecond: details.rowsPerSecond });

    return { stage: 'migrate', status, counts: { ...counts }, durationMs, errorGroups: tally.top(REJECT_REASONS.length), details };
  } finally {
    source.close();
  }
}

interface BatchLoop {
  writer: PostingBatchWriter;
  rejectsFile: RejectsFile | null;
  tally: ErrorTally;
  resumedAfterLegacyId: number;
  rowsToRead: number;
  batchSize: number;
}

async function migrateBatches(ctx: Context, source: LegacySource, loop: BatchLoop) {
  const counts: MigrateCounts = { read: 0, inserted: 0, alreadyPresent: 0, rejected: 0, titlesTruncated: 0, batches: 0 };
  const rows = source.iterateRowsAfter(loop.resumedAfterLegacyId);
  let lastLegacyId = loop.resumedAfterLegacyId;
  let isInterrupted = false;

  let batch = new LegacyBatch(rows, loop.batchSize, loop.resumedAfterLegacyId);
  try {
    for (;;) {
      if (ctx.signal.aborted) {
        isInterrupted = true;
        break;
      }
      // Rows added to the legacy table after the count are left for the next run.
      if (counts.read >= loop.rowsToRead) {
        break;
      }

      const current = batch;
      const upcoming = new LegacyBatch(rows, loop.batchSize, current);
      let rejects: RejectedRow[] = [];
      // Rejects are written before the checkpoint moves past them, so a crash may repeat a line but cannot drop one.
      const recordRejects = (known: BatchOutcome) => {
        rejects = [...current.rejects, ...known.duplicates.map((duplicate) => rejectDuplicate(duplicate, source))];
        loop.rejectsFile?.append(rejects);
      };
      const outcome = await loop.writer.writeBatch(current, recordRejects, upcoming);
      if (current.rowsRead === 0) {
        break;
      }

      addBatch(counts, loop.tally, current, outcome, rejects);
      lastLegacyId = current.lastLegacyId;
      ctx.progress.update({ done: counts.read, total: loop.rowsToRead, counts: { rejected: counts.rejected } });
      ctx.log.debug('batch committed', { stage: 'migrate', lastLegacyId, rowsRead: current.rowsRead, inserted: outcome.inserted, rejected: counts.rejected });
      batch = upcoming;
    }
  } finally {
    rows.return?.();
  }
  return { counts, lastLegacyId, isInterrupted };
}

/**
 * Builds the reject line of a duplicate. Its `url` is the row's own full_link, as for every other
 * reason, because the writers only see the canonical URL that the duplicate shares.
 */
function rejectDuplicate(duplicate: DuplicateUrl, source: LegacySource): RejectedRow {
  return {
    legacyId: duplicate.legacyId,
    url: source.findFullLink(duplicate.legacyId),
    canonicalUrl: duplicate.canonicalUrl,
    reason: 'duplicate_url',
    detail: `same canonical URL as legacy id ${duplicate.existingLegacyId}`,
  };
}

function addBatch(counts: MigrateCounts, tally: ErrorTally, batch: LegacyBatch, outcome: BatchOutcome, rejects: readonly RejectedRow[]): void {
  for (const reject of rejects) {
    tally.add(reject.reason, `legacy id ${reject.legacyId}: ${reject.detail}`);
  }

  counts.read += batch.rowsRead;
  counts.inserted += outcome.inserted;
  counts.alreadyPresent += outcome.alreadyPresent;
  counts.rejected += rejects.length;
  counts.titlesTruncated += batch.titlesTruncated;
  counts.batches++;
}

async function openWriter(store: Store, sourceKey: string, isDryRun: boolean, log: Logger): Promise<PostingBatchWriter> {
  if (isDryRun) {
    return createDryRunBatchWriter(store);
  }
  return store.kind === 'postgres' ? createCopyBatchWriter(store, sourceKey, log) : createInsertBatchWriter(store, sourceKey);
}

function decideStatus(counts: MigrateCounts, isInterrupted: boolean, maxRejectRatio: number): StageStatus {
  if (isInterrupted) {
    return 'interrupted';
  }
  return counts.read > 0 && counts.rejected / counts.read > maxRejectRatio ? 'partial' : 'succeeded';
}
