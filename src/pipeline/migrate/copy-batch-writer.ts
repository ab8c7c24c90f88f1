/**
 * Writes batches on PostgreSQL through one dedicated connection, each batch and its checkpoint
 * in one transaction. A batch is first copied straight into job_post with COPY, which costs the
 * server no more than `psql \copy`. When a URL is already taken (by a scraped posting, an
 * earlier run or a duplicate legacy row), COPY stops with a unique violation. The batch then goes
 * to a temporary staging table and from there into job_post with
 * `insert ... on conflict (url) do nothing`, and so does every later batch of the run.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import type { Store } from '../../db/client.js';
import {
  COPY_INTO_JOB_POST,
  COPY_INTO_LEGACY_STAGING,
  buildFindStagedConflicts,
  buildInsertFromStaging,
  createLegacyStagingTable,
  runOnClient,
  type UrlConflict,
} from '../../db/queries/legacy-postings.js';
import { buildCheckpointAdvance } from '../../db/queries/migration-checkpoint.js';
import { tryLockLegacySource, unlockLegacySource } from '../../db/queries/migration-lock.js';
import { InternalError, LockHeldError } from '../../lib/errors.js';
import type { Logger } from '../../lib/log.js';
import { CopyTextBuffer } from './copy-text-buffer.js';
import { formatCopyRow } from './format-copy-row.js';
import type { LegacyBatch } from './legacy-batch.js';
import { checkpointOf, summarizeOutcome, type PostingBatchWriter } from './posting-batch-writer.js';

// The read-ahead yields to the event loop after about this many bytes, and COPY data is sent in
// chunks of this size: large enough that stream overhead is negligible, small enough that
// reading never holds up the socket for long.
const COPY_CHUNK_BYTES = 64 * 1024;

const UNIQUE_VIOLATION = '23505';

/** Opens the COPY writer for one legacy source. Throws LockHeldError (exit 5) when another run migrates the same source. */
export async function createCopyBatchWriter(store: Store, sourceKey: string, log: Logger): Promise<PostingBatchWriter> {
  if (!store.pool) {
    throw new InternalError('the COPY writer needs a PostgreSQL store with a pool');
  }

  const client = await store.pool.connect();
  try {
    await ensureSourceIsUnlocked(client, sourceKey);
    await createLegacyStagingTable(client);
  } catch (error) {
    client.release(true);
    throw error;
  }

  // The COPY text of the next batch, read while the server copies the current one. The two
  // buffers take turns: one contains the batch being copied, the other the batch read ahead.
  let readAhead: { batch: LegacyBatch; chunks: Promise<Buffer[]> } | null = null;
  const buffers = [new CopyTextBuffer(), new CopyTextBuffer()] as const;
  let batchNumber = 0;
  let isStagingNeeded = false;

  return {
    writeBatch: async (batch, beforeCommit, upcoming) => {
      const chunks = readAhead?.batch === batch ? await readAhead.chunks : await readCopyChunks(batch, buffers[batchNumber % 2]!);
      batchNumber++;
      readAhead = upcoming ? { batch: upcoming, chunks: readCopyChunks(upcoming, buffers[batchNumber % 2]!) } : null;
      // Nothing awaits a read-ahead that is dropped when this batch fails, so its error must not go unhandled.
      readAhead?.chunks.catch(() => undefined);

      await client.query('begin');
      try {
        let outcome = isStagingNeeded ? null : await tryCopyIntoJobPost(client, batch, chunks);
        if (!outcome) {
          if (!isStagingNeeded) {
            log.info('url already in job_post: loading through the staging table from here on', { lastLegacyId: batch.lastLegacyId });
          }
          isStagingNeeded = true;
          outcome = await copyThroughStaging(client, store, batch, chunks);
        }

        await runOnClient(client, buildCheckpointAdvance(store.db, checkpointOf(sourceKey, batch, outcome)));
        beforeCommit(outcome);
        await client.query('commit');
        return outcome;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      }
    },
    close: async () => {
      await readAhead?.chunks.catch(() => undefined);
      await unlockLegacySource(client, sourceKey).catch(() => undefined);
      // Destroyed, not returned to the pool, because the session owns the staging table and its settings.
      client.release(true);
    },
  };
}

async function ensureSourceIsUnlocked(client: pg.PoolClient, sourceKey: string): Promise<void> {
  const holder = await tryLockLegacySource(client, sourceKey);
  if (holder) {
    throw new LockHeldError(
      `legacy source ${sourceKey} is being migrated by database session pid ${holder.pid} (${holder.applicationName}${holder.clientAddress ? ` from ${holder.clientAddress}` : ''}) since ${holder.backendStart.toISOString()}`,
      { context: { sourceKey, holderPid: holder.pid }, hint: 'wait for that run to finish; it checkpoints every batch, so stopping it with SIGINT loses nothing' },
    );
  }
}

/** Copies the batch straight into job_post; returns null, with the copy undone, when a URL is already taken. */
async function tryCopyIntoJobPost(client: pg.PoolClient, batch: LegacyBatch, chunks: readonly Buffer[]) {
  await client.query('savepoint direct_copy');
  try {
    await copyChunks(client, COPY_INTO_JOB_POST, chunks);
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) {
      throw error;
    }
    await client.query('rollback to savepoint direct_copy');
    return null;
  }

  await client.query('release savepoint direct_copy');
  return summarizeOutcome(batch, batch.postingCount, []);
}

async function copyThroughStaging(client: pg.PoolClient, store: Store, batch: LegacyBatch, chunks: readonly Buffer[]) {
  await copyChunks(client, COPY_INTO_LEGACY_STAGING, chunks);
  const insertResult = await runOnClient(client, buildInsertFromStaging(store.db));
  const inserted = insertResult.rowCount ?? 0;

  // Staging is emptied at commit, and every staged row was inserted in the common case.
  const conflicts = inserted < batch.postingCount ? await findStagedConflicts(client, store) : [];
  return summarizeOutcome(batch, inserted, conflicts);
}

async function copyChunks(client: pg.PoolClient, copyStatement: string, chunks: readonly Buffer[]): Promise<void> {
  await pipeline(Readable.from(chunks, { objectMode: false }), client.query(copyFrom(copyStatement)));
}

/**
 * Reads a batch from the legacy file and formats it as COPY text. Yields to the event loop after
 * every chunk, so that socket writes of a COPY in flight go on while the next batch is read.
 */
async function readCopyChunks(batch: LegacyBatch, buffer: CopyTextBuffer): Promise<Buffer[]> {
  buffer.reset();
  let bytesAtLastYield = 0;
  for (const posting of batch.postings()) {
    buffer.append(formatCopyRow([posting.legacyId, posting.source, posting.url, posting.urlHash, posting.titleRaw, posting.descriptionRaw]));
    if (buffer.byteLength - bytesAtLastYield >= COPY_CHUNK_BYTES) {
      bytesAtLastYield = buffer.byteLength;
      await yieldToEventLoop();
    }
  }
  return buffer.chunks(COPY_CHUNK_BYTES);
}

async function findStagedConflicts(client: pg.PoolClient, store: Store): Promise<UrlConflict[]> {
  const result = await runOnClient<{ legacyId: string; url: string; existingLegacyId: string | null }>(client, buildFindStagedConflicts(store.db));
  return result.rows.map((row) => ({
    legacyId: Number(row.legacyId),
    url: row.url,
    existingLegacyId: row.existingLegacyId === null ? null : Number(row.existingLegacyId),
  }));
}
