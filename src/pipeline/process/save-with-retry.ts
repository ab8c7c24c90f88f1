import type { Kysely } from 'kysely';

import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/log.js';
import { saveProcessedBatch, type SavedBatch } from './save-processed-batch.js';
import type { ProcessedPosting } from './to-processed-posting.js';

// PostgreSQL's deadlock_detected and serialization_failure: the transaction was rolled back and
// may simply be run again.
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

/**
 * Saves a batch, running the transaction again when PostgreSQL aborted it as a deadlock victim.
 * Concurrent runs reprocessing linked duplicates can deadlock; a second attempt then succeeds.
 */
export async function saveWithRetry(db: Kysely<Database>, workerId: string, postings: readonly ProcessedPosting[], log: Logger): Promise<SavedBatch> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await saveProcessedBatch(db, workerId, postings);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= MAX_ATTEMPTS || typeof code !== 'string' || !RETRYABLE_SQLSTATES.has(code)) {
        throw error;
      }
      log.warn('batch save retried', { attempt, code });
    }
  }
}
