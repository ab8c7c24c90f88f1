/**
 * Writes and reads of the scrape stage: postings found on boards (`job_post`) and the detail pages
 * behind them (`raw_page`).
 */
import { sql, type Kysely, type Transaction } from 'kysely';

import type { Database } from '../schema.js';

/** State of a posting that the scrape stage finds again. */
export interface KnownPosting {
  id: string;
  url: string;
  lastSeen: Date;
  contentHash: string | null;
  /** Validators of the latest stored page, for a conditional GET. */
  etag: string | null;
  lastModified: string | null;
}

/** Returns the postings among `urls` (canonical) that `job_post` already holds, keyed by URL. */
export async function findKnownPostings(db: Kysely<Database>, urls: readonly string[]): Promise<Map<string, KnownPosting>> {
  if (urls.length === 0) {
    return new Map();
  }

  const rows = await db
    .selectFrom('job_post')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('raw_page')
          .select(['raw_page.etag', 'raw_page.last_modified'])
          .whereRef('raw_page.job_post_id', '=', 'job_post.id')
          .orderBy('raw_page.fetched_at', 'desc')
          .orderBy('raw_page.id', 'desc')
          .limit(1)
          .as('latest_page'),
      (join) => join.onTrue(),
    )
    .select(['job_post.id', 'job_post.url', 'job_post.last_seen', 'job_post.content_hash', 'latest_page.etag', 'latest_page.last_modified'])
    .where('job_post.url', 'in', [...urls])
    .execute();

  return new Map(
    rows.map((row) => [
      row.url,
      {
        id: String(row.id),
        url: row.url,
        lastSeen: new Date(row.last_seen),
        contentHash: row.content_hash,
        etag: row.etag ?? null,
        lastModified: row.last_modified ?? null,
      },
    ]),
  );
}

/** Sets `last_seen` to now for postings seen on a listing page but not fetched again. */
export async function touchPostings(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  await db.updateTable('job_post').set({ last_seen: sql`now()` }).where('id', 'in', [...ids]).execute();
}

export interface ScrapedPage {
  status: number;
  headers: Record<string, string>;
  etag: string | null;
  lastModified: string | null;
  html: string;
  /** SHA-256 hex of the HTML; one `raw_page` row per distinct content of a URL. */
  htmlHash: string;
  jsonLd: Record<string, unknown> | null;
}

export interface ScrapedPostingRecord {
  source: string;
  /** Canonical URL. */
  url: string;
  urlHash: string;
  title: string | null;
  description: string | null;
  requirements: string | null;
  /** SHA-256 hex of the extracted posting text; a change counts as a repost. */
  contentHash: string;
  page: ScrapedPage;
}

export type SaveOutcome = 'new' | 'updated' | 'unchanged';

/**
 * Upserts a scraped posting on its canonical URL and stores its page, in one transaction. A new
 * URL is inserted (`first_seen`). A known one gets `last_seen`. When its content hash changed, it
 * also gets the new text, `repost_count + 1` and `processed_at = null`, so `process` takes it again.
 * Idempotent: saving the same record twice returns `unchanged` the second time and adds no page.
 */
export async function saveScrapedPosting(db: Kysely<Database>, record: ScrapedPostingRecord): Promise<{ id: string; outcome: SaveOutcome }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('job_post')
      .values({
        source: record.source,
        url: record.url,
        url_hash: record.urlHash,
        title_raw: record.title,
        description_raw: record.description,
        requirements_raw: record.requirements,
        content_hash: record.contentHash,
      })
      .onConflict((conflict) => conflict.column('url').doNothing())
      .returning('id')
      .executeTakeFirst();

    if (inserted) {
      await insertPage(trx, String(inserted.id), record);
      return { id: String(inserted.id), outcome: 'new' as const };
    }

    const existing = await trx
      .selectFrom('job_post')
      .select(['id', 'content_hash'])
      .where('url', '=', record.url)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const id = String(existing.id);

    if (existing.content_hash === record.contentHash) {
      await trx.updateTable('job_post').set({ last_seen: sql`now()` }).where('id', '=', id).execute();
      await insertPage(trx, id, record);
      return { id, outcome: 'unchanged' as const };
    }

    await trx
      .updateTable('job_post')
      .set((eb) => ({
        last_seen: sql`now()`,
        title_raw: record.title,
        description_raw: record.description,
        requirements_raw: record.requirements,
        content_hash: record.contentHash,
        // A posting first stored by `migrate` has no scraped hash yet; its first scrape is no repost.
        repost_count: existing.content_hash === null ? eb.ref('repost_count') : eb('repost_count', '+', 1),
        processed_at: null,
      }))
      .where('id', '=', id)
      .execute();
    await insertPage(trx, id, record);
    return { id, outcome: 'updated' as const };
  });
}

async function insertPage(trx: Transaction<Database>, jobPostId: string, record: ScrapedPostingRecord): Promise<void> {
  const { page } = record;
  await trx
    .insertInto('raw_page')
    .values({
      job_post_id: jobPostId,
      site: record.source,
      url: record.url,
      http_status: page.status,
      etag: page.etag,
      last_modified: page.lastModified,
      headers: JSON.stringify(page.headers),
      content_hash: page.htmlHash,
      html: page.html,
      json_ld: page.jsonLd === null ? null : JSON.stringify(page.jsonLd),
    })
    .onConflict((conflict) => conflict.columns(['url', 'content_hash']).doUpdateSet({ fetched_at: sql`now()`, job_post_id: jobPostId }))
    .execute();
}
