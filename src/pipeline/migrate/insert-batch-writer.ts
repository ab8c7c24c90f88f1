/**
 * Writes batches on the embedded store (PGlite), which has no COPY FROM STDIN: multi-row
 * `insert ... on conflict (url) do nothing` statements and the checkpoint in one transaction.
 */
import type { Store } from '../../db/client.js';
import { findPostingsByUrl, insertLegacyPostings, type UrlConflict } from '../../db/queries/legacy-postings.js';
import { buildCheckpointAdvance } from '../../db/queries/migration-checkpoint.js';
import { checkpointOf, chunkPostings, summarizeOutcome, toPostingRow, type PostingBatchWriter } from './posting-batch-writer.js';

// Rows per insert statement: 6 parameters a row keeps a statement far below PostgreSQL's
// 65,535-parameter limit, and about 2 MB of text a statement keeps PGlite's memory steady.
const INSERT_CHUNK_ROWS = 500;

/** Opens the insert writer; the embedded store's lockfile already keeps other processes out. */
export function createInsertBatchWriter(store: Store, sourceKey: string): PostingBatchWriter {
  return {
    writeBatch: (batch, beforeCommit) =>
      store.db.transaction().execute(async (trx) => {
        let inserted = 0;
        const conflicts: UrlConflict[] = [];
        for (const chunk of chunkPostings(batch.postings(), INSERT_CHUNK_ROWS)) {
          const insertedIds = new Set(await insertLegacyPostings(trx, chunk.map(toPostingRow)));
          inserted += insertedIds.size;

          const skipped = chunk.filter((posting) => !insertedIds.has(posting.legacyId));
          const holders = await findPostingsByUrl(trx, skipped.map((posting) => posting.url));
          for (const posting of skipped) {
            conflicts.push({ legacyId: posting.legacyId, url: posting.url, existingLegacyId: holders.get(posting.url) ?? null });
          }
        }
        const outcome = summarizeOutcome(batch, inserted, conflicts);

        await buildCheckpointAdvance(trx, checkpointOf(sourceKey, batch, outcome)).execute();
        beforeCommit(outcome);
        return outcome;
      }),
    close: async () => undefined,
  };
}
