/** Per-site bookkeeping of the scrape stage (`scrape_state`). */
import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';

export interface ScrapeStateUpdate {
  site: string;
  status: string;
  error: string | null;
  isSuccess: boolean;
  pagesFetched: number;
  postingsSeen: number;
  /** Stop reason and counters of the run, kept as JSON. */
  state: Record<string, unknown>;
}

/** Records one site's run: last run time always, last success time only when `isSuccess`. */
export async function recordScrapeState(db: Kysely<Database>, update: ScrapeStateUpdate): Promise<void> {
  await db
    .insertInto('scrape_state')
    .values({
      site: update.site,
      last_run_at: sql<Date>`now()`,
      last_success_at: update.isSuccess ? sql<Date>`now()` : null,
      last_status: update.status,
      last_error: update.error,
      pages_fetched: update.pagesFetched,
      postings_seen: update.postingsSeen,
      state: JSON.stringify(update.state),
    })
    .onConflict((conflict) =>
      conflict.column('site').doUpdateSet((eb) => ({
        last_run_at: eb.ref('excluded.last_run_at'),
        last_success_at: update.isSuccess ? eb.ref('excluded.last_success_at') : eb.ref('scrape_state.last_success_at'),
        last_status: eb.ref('excluded.last_status'),
        last_error: eb.ref('excluded.last_error'),
        pages_fetched: eb.ref('excluded.pages_fetched'),
        postings_seen: eb.ref('excluded.postings_seen'),
        state: eb.ref('excluded.state'),
      })),
    )
    .execute();
}
