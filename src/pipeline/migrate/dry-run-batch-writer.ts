/**
 * The writer of `--dry-run`: it writes nothing, but classifies every posting as the real run
 * would (new, already present, duplicate of an earlier legacy row) with read-only lookups.
 */
import type { Store } from '../../db/client.js';
import { findPostingsByUrl } from '../../db/queries/legacy-postings.js';
import { chunkPostings, type DuplicateUrl, type PostingBatchWriter } from './posting-batch-writer.js';

// URLs per lookup query, to keep each `in (...)` list a modest size.
const LOOKUP_CHUNK_URLS = 1_000;

/**
 * Opens the dry-run writer.
 * NOTE: it remembers the URL of every new posting to find duplicates within the file, so its
 * memory grows with the table (about 150 bytes a row); the real run finds them in the database.
 */
export function createDryRunBatchWriter(store: Store): PostingBatchWriter {
  const firstLegacyIdByUrl = new Map<string, number>();

  return {
    writeBatch: async (batch, beforeCommit) => {
      let inserted = 0;
      let alreadyPresent = 0;
      const duplicates: DuplicateUrl[] = [];
      for (const chunk of chunkPostings(batch.postings(), LOOKUP_CHUNK_URLS)) {
        const holders = await findPostingsByUrl(store.db, chunk.map((posting) => posting.url));
        for (const posting of chunk) {
          const holder = holders.has(posting.url) ? holders.get(posting.url) : firstLegacyIdByUrl.get(posting.url);
          if (holder === undefined) {
            inserted++;
            firstLegacyIdByUrl.set(posting.url, posting.legacyId);
          } else if (holder === null || holder === posting.legacyId) {
            alreadyPresent++;
          } else {
            duplicates.push({ legacyId: posting.legacyId, canonicalUrl: posting.url, existingLegacyId: holder });
          }
        }
      }

      const outcome = { inserted, alreadyPresent, duplicates };
      beforeCommit(outcome);
      return outcome;
    },
    close: async () => undefined,
  };
}
