/**
 * The contract between the migrate loop and the store-specific writers (COPY on PostgreSQL,
 * multi-row inserts on the embedded store, read-only checks for `--dry-run`).
 */
import type { UrlConflict } from '../../db/queries/legacy-postings.js';
import type { CheckpointAdvance } from '../../db/queries/migration-checkpoint.js';
import type { LegacyBatch } from './legacy-batch.js';
import type { LegacyPosting } from './map-legacy-row.js';

/** A legacy row whose canonical URL another legacy row already took. */
export interface DuplicateUrl {
  legacyId: number;
  canonicalUrl: string;
  existingLegacyId: number;
}

export interface BatchOutcome {
  inserted: number;
  /** Postings whose URL job_post already held from this same legacy row or from a scrape. */
  alreadyPresent: number;
  /**
   * Rows whose canonical URL an earlier legacy row already took. The migrate loop turns them into
   * `duplicate_url` rejects, reading each row's original full_link from the legacy file.
   */
  duplicates: DuplicateUrl[];
}

export interface PostingBatchWriter {
  /**
   * Consumes a batch, writes its postings and advances the checkpoint in one transaction.
   * `beforeCommit` runs inside it once the outcome is known, so that rejects are recorded before
   * the checkpoint moves past them. A writer may read `upcoming` (the batch after this one) ahead
   * while the server is busy with this one. Throws, with the transaction rolled back, when the
   * database fails.
   */
  writeBatch(batch: LegacyBatch, beforeCommit: (outcome: BatchOutcome) => void, upcoming?: LegacyBatch): Promise<BatchOutcome>;
  close(): Promise<void>;
}

/** Turns the insert count and the URL conflicts of a consumed batch into its outcome. */
export function summarizeOutcome(batch: LegacyBatch, inserted: number, conflicts: readonly UrlConflict[]): BatchOutcome {
  const duplicates: DuplicateUrl[] = [];
  for (const conflict of conflicts) {
    if (conflict.existingLegacyId !== null && conflict.existingLegacyId !== conflict.legacyId) {
      duplicates.push({ legacyId: conflict.legacyId, canonicalUrl: conflict.url, existingLegacyId: conflict.existingLegacyId });
    }
  }

  return { inserted, alreadyPresent: batch.postingCount - inserted - duplicates.length, duplicates };
}

/** Returns the checkpoint advance of a consumed batch: its last id, its reads, its inserts and all its rejects. */
export function checkpointOf(sourceKey: string, batch: LegacyBatch, outcome: BatchOutcome): CheckpointAdvance {
  return {
    sourceKey,
    lastLegacyId: batch.lastLegacyId,
    rowsRead: batch.rowsRead,
    rowsInserted: outcome.inserted,
    rowsRejected: batch.rejects.length + outcome.duplicates.length,
  };
}

/** Returns the columns of `job_post` that a posting fills. */
export function toPostingRow(posting: LegacyPosting) {
  return {
    legacy_id: posting.legacyId,
    source: posting.source,
    url: posting.url,
    url_hash: posting.urlHash,
    title_raw: posting.titleRaw,
    description_raw: posting.descriptionRaw,
  };
}

/** Splits postings into arrays of at most `size`, pulling lazily so that only one chunk is in memory. */
export function* chunkPostings(postings: Iterable<LegacyPosting>, size: number): Generator<LegacyPosting[]> {
  let chunk: LegacyPosting[] = [];
  for (const posting of postings) {
    chunk.push(posting);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) {
    yield chunk;
  }
}
