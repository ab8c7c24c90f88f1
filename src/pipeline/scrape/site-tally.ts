/** Counters of one site's crawl and the summary the scrape report shows for it. */
import { ErrorTally, type ErrorGroup } from '../../lib/error-tally.js';
import { MAX_DETAIL_FAILURE_RATIO } from './scrape-options.js';

/** Reason a site's pagination stopped. */
export type ListingStopReason =
  | 'not_found'
  | 'no_cards'
  | 'no_new_postings'
  | 'max_pages'
  | 'no_next_link'
  | 'short_page'
  | 'repeated_page'
  | 'robots_disallowed'
  | 'blocked'
  | 'fetch_failed'
  | 'parse_failed'
  | 'interrupted';

export type SiteStatus = 'succeeded' | 'partial' | 'failed' | 'interrupted';

export interface SiteSummary {
  site: string;
  status: SiteStatus;
  stopReason: ListingStopReason;
  listingPages: number;
  postingsFound: number;
  detailsFetched: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Seen within the refresh window: not fetched, `last_seen` updated. */
  skippedRecent: number;
  /**
   * Postings not fetched because the run was interrupted while they were queued or in flight.
   * They are counted apart from `failed`, so an interrupt never adds to the failure ratio.
   */
  skippedInterrupted: number;
  notModified: number;
  removed: number;
  blocked: number;
  failed: number;
  failedByReason: Record<string, number>;
  errorGroups: ErrorGroup[];
  seconds: number;
}

export class SiteTally {
  listingPages = 0;

  postingsFound = 0;

  detailsFetched = 0;

  new = 0;

  updated = 0;

  unchanged = 0;

  skippedRecent = 0;

  skippedInterrupted = 0;

  notModified = 0;

  removed = 0;

  blocked = 0;

  readonly failures = new ErrorTally();

  stopReason: ListingStopReason = 'no_next_link';

  constructor(readonly site: string) {}

  /** Counts one failed fetch or parse under its reason; blocked pages also count as blocked. */
  addFailure(reason: string, example: string): void {
    if (reason === 'blocked') {
      this.blocked += 1;
    }
    this.failures.add(reason, example);
  }

  summarize(durationMs: number, isInterrupted: boolean): SiteSummary {
    return {
      site: this.site,
      status: this.#status(isInterrupted),
      stopReason: this.stopReason,
      listingPages: this.listingPages,
      postingsFound: this.postingsFound,
      detailsFetched: this.detailsFetched,
      new: this.new,
      updated: this.updated,
      unchanged: this.unchanged,
      skippedRecent: this.skippedRecent,
      skippedInterrupted: this.skippedInterrupted,
      notModified: this.notModified,
      removed: this.removed,
      blocked: this.blocked,
      failed: this.failures.total,
      failedByReason: this.failures.toCounts(),
      errorGroups: this.failures.top(3),
      seconds: Math.round(durationMs / 100) / 10,
    };
  }

  #status(isInterrupted: boolean): SiteStatus {
    if (isInterrupted) {
      return 'interrupted';
    }
    const isListingBroken = ['blocked', 'fetch_failed', 'parse_failed', 'robots_disallowed'].includes(this.stopReason);
    if (this.listingPages === 0 || (isListingBroken && this.postingsFound === 0)) {
      return 'failed';
    }

    const attempts = this.detailsFetched + this.failures.total;
    const failureRatio = attempts === 0 ? 0 : this.failures.total / attempts;
    return failureRatio > MAX_DETAIL_FAILURE_RATIO || isListingBroken ? 'partial' : 'succeeded';
  }
}
