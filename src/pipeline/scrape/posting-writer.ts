/**
 * The store behind the scrape stage: the database, or for a dry run a writer that writes nothing.
 * A dry run still reads known postings, so it shows what a real run would fetch.
 */
import type { Kysely } from 'kysely';
import PQueue from 'p-queue';

import { findKnownPostings, saveScrapedPosting, touchPostings, type KnownPosting, type SaveOutcome, type ScrapedPostingRecord } from '../../db/queries/scraped-postings.js';
import { recordScrapeState, type ScrapeStateUpdate } from '../../db/queries/scrape-state.js';
import type { Database } from '../../db/schema.js';

export interface PostingWriter {
  findKnown(urls: readonly string[]): Promise<Map<string, KnownPosting>>;
  touch(ids: readonly string[]): Promise<void>;
  save(record: ScrapedPostingRecord): Promise<SaveOutcome>;
  recordState(update: ScrapeStateUpdate): Promise<void>;
}

/**
 * Database statements in flight at once. Detail fetches finish faster than transactions on a slow
 * database, and unbounded saves would wait on the connection pool until its connect timeout fails
 * them. Queued here, they wait without a deadline.
 */
const MAX_CONCURRENT_STATEMENTS = 4;

export function createDatabaseWriter(db: Kysely<Database>): PostingWriter {
  const queue = new PQueue({ concurrency: MAX_CONCURRENT_STATEMENTS });
  return {
    findKnown: (urls) => queue.add(() => findKnownPostings(db, urls)),
    touch: (ids) => queue.add(() => touchPostings(db, ids)),
    save: (record) => queue.add(async () => (await saveScrapedPosting(db, record)).outcome),
    recordState: (update) => queue.add(() => recordScrapeState(db, update)),
  };
}

/** Creates the `--dry-run` writer: it reads known postings from the database, writes nothing, and classifies each posting as new, updated or unchanged. */
export function createDryRunWriter(db: Kysely<Database>): PostingWriter {
  const known = new Map<string, KnownPosting>();
  return {
    findKnown: async (urls) => {
      const found = await findKnownPostings(db, urls);
      for (const [url, posting] of found) {
        known.set(url, posting);
      }
      return found;
    },
    touch: async () => undefined,
    save: async (record) => {
      const existing = known.get(record.url);
      if (!existing) {
        return 'new';
      }
      return existing.contentHash === record.contentHash ? 'unchanged' : 'updated';
    },
    recordState: async () => undefined,
  };
}
