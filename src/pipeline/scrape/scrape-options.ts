/** Options of the scrape stage, as the CLI and the workflow pass them. */
import type { RetryOptions } from '../../http/retry-policy.js';

export interface ScrapeOptions {
  /** Site keys to crawl; every enabled site when omitted. */
  siteIds?: readonly string[];
  /** Listing pages fetched per site at most. */
  maxPages?: number;
  /** A posting seen within this many days is not fetched again, only marked seen. */
  refreshAfterDays: number;
  /** Fetch and parse, but write nothing to the database. */
  isDryRun: boolean;
  /** Base URLs by site key, replacing sites.yaml (fixture servers, mirrors). */
  baseUrlOverrides?: Record<string, string>;
  /** Requests per minute per host; JOB_RPM when omitted, 0 for no limit. */
  jobRpm?: number;
  /** Ignore every site's own `rate.requestsPerMinute` (benchmarks against local servers). */
  ignoreSiteRates?: boolean;
  /** Obey robots.txt; true unless a test or benchmark turns it off. */
  obeyRobots?: boolean;
  retry?: RetryOptions;
}

export const DEFAULT_REFRESH_AFTER_DAYS = 7;

/**
 * Share of detail fetches that may fail or be blocked before a site counts as partial (exit 3).
 * Five percent tolerates the odd removed posting while a board-wide problem still shows.
 */
export const MAX_DETAIL_FAILURE_RATIO = 0.05;

export const HTTP_TIMEOUTS = { connectMs: 10_000, responseMs: 30_000, requestMs: 60_000 };

/** Detail pages of the four boards are 20-150 KB; 5 MB leaves room for odd pages and stops runaway bodies. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export const MAX_REDIRECTS = 5;
