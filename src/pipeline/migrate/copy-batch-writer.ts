/**
 * Writes batches on PostgreSQL: COPY into a temporary staging table, then one
 * `insert ... select ... on conflict (url) do nothing` into job_post, then the checkpoint, all in
 * one transaction on one dedicated connection.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import type { Store } from '../../db/client.js';
import {
  COPY_INTO_LEGACY_STAGING,
  buildFindStagedConflicts,
  buildInsertFromStaging,
  createLegacyStagingTable,
  runOnClient,
} from '../../db/queries/legacy-postings.js';
import { tryLockLegacySource, unlockLegacySource } from '../../db/queries/migration-lock.js';
import { buildCheckpointAdvance } from '../../db/queries/migration-checkpoint.js';
import { InternalError, LockHeldError } from '../../lib/errors.js';
import { formatCopyRow } from './format-copy-row.js';
import type { LegacyBatch } from './legacy-batch.js';
import type { LegacyPosting } from './map-legacy-row.js';
import { checkpointOf, summarizeOutcome, type PostingBatchWriter } from './posting-batch-writer.js';

// Rows go to the server in chunks of about this many characters: large enough that stream
// overhead is negligible, small enough that the server parses one chunk while the next is read.
const COPY_CHUNK_CHARS = 64 * 1024;

/** Opens the COPY writer for one legacy source. Throws LockHeldError (exit 5) when another run migrates the same source. */
export async function createCopyBatchWriter(store: Store, sourceKey: string): Promise<PostingBatchWriter> {
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

  // The COPY text of the next batch, read and formatted while the server inserts this one.
  let readAhead: { batch: LegacyBatch; chunks: Buffer[] } | null = null;

  return {
    writeBatch: async (batch, beforeCommit, upcoming) => {
      await client.query('begin');
      try {
        const chunks = readAhead?.batch === batch ? readAhead.chunks : generateCopyChunks(batch.postings());
        readAhead = null;
        await copyIntoStaging(client, chunks);

        // The insert is sent before the next batch is read: reading blocks this thread, and the
        // server spends that time inserting instead of waiting for data.
        const inserting = runOnClient(client, buildInsertFromStaging(store.db));
        if (upcoming) {
          readAhead = { batch: upcoming, chunks: Array.from(generateCopyChunks(upcoming.postings()), (chunk) => Buffer.from(chunk, 'utf8')) };
        }
        const inserted = (await inserting).rowCount ?? 0;

        // Every staged row was inserted in the common case, and then there is nothing to look up.
        const conflicts = inserted < batch.postingCount ? await findStagedConflicts(client, store) : [];
        const outcome = summarizeOutcome(batch, inserted, conflicts);

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
      await unlockLegacySource(client, sourceKey).catch(() => undefined);
      // Destroyed, not returned to the pool: the session holds the staging table and its settings.
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

/** Streams COPY text into the staging table; a generator is pulled only as fast as the server reads. */
async function copyIntoStaging(client: pg.PoolClient, chunks: Iterable<string | Buffer>): Promise<void> {
  const copyStream = client.query(copyFrom(COPY_INTO_LEGACY_STAGING));
  await pipeline(Readable.from(chunks, { objectMode: false }), copyStream);
}

function* generateCopyChunks(postings: Iterable<LegacyPosting>): Generator<string> {
  let chunk = '';
  for (const posting of postings) {
    chunk += formatCopyRow([posting.legacyId, posting.source, posting.url, posting.urlHash, posting.titleRaw, posting.descriptionRaw]);
    if (chunk.length >= COPY_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') {
    yield chunk;
  }
}

async function findStagedConflicts(client: pg.PoolClient, store: Store) {
  const result = await runOnClient<{ legacyId: string; url: string; existingLegacyId: string | null }>(client, buildFindStagedConflicts(store.db));
  return result.rows.map((row) => ({
    legacyId: Number(row.legacyId),
    url: row.url,
    existingLegacyId: row.existingLegacyId === null ? null : Number(row.existingLegacyId),
  }));
}
