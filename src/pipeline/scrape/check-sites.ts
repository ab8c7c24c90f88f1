/**
 * `nextke scrape --check`: a health test per site. It fetches listing page 1, checks that the
 * selectors find cards, then fetches and parses one detail page. Nothing is written.
 */
import { performance } from 'node:perf_hooks';

import type { AppConfig } from '../../config/load-config.js';
import { stripTrackingFromUrl } from '../../lib/canonical-url.js';
import { FetchError, errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/log.js';
import { createSiteAdapter } from '../../sites/index.js';
import type { SiteConfig } from '../../sites/site-config.js';
import { isMissingPosting } from '../../sites/types.js';
import { createScrapeHttpClient } from './create-scrape-http-client.js';
import { listingPageUrl } from './listing-pages.js';
import { selectSites } from './select-sites.js';

export interface SiteCheck {
  site: string;
  isHealthy: boolean;
  /** HTTP status of listing page 1, or null when no response came. */
  httpStatus: number | null;
  responseMs: number | null;
  cardsFound: number;
  /** The detail page that was parsed, or null. */
  detailUrl: string | null;
  detailTitle: string | null;
  /** Why the check failed: a fetch reason (`blocked`, `timeout`, ...) or `no_cards`, `detail_not_parsed`. */
  failure: string | null;
}

export interface CheckOptions {
  siteIds?: readonly string[];
  baseUrlOverrides?: Record<string, string>;
}

/** Detail pages tried before a site fails the check, in case the first posting was just removed. */
const DETAIL_ATTEMPTS = 3;

/** Checks every selected site in parallel and returns one result per site, in sites.yaml order. */
export async function checkSites(environment: { config: AppConfig; log: Logger; signal: AbortSignal }, options: CheckOptions): Promise<SiteCheck[]> {
  const { config, signal } = environment;
  const log = environment.log.child({ stage: 'scrape-check' });
  const sites = selectSites(config.scrape.sitesFile, options.siteIds, config.env, options.baseUrlOverrides);
  const http = createScrapeHttpClient(config, sites, { refreshAfterDays: 0, isDryRun: true, retry: { limit: 1, baseDelayMs: 1_000, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 } }, log, signal);

  return Promise.all(
    sites.map(async (site) => {
      const result = await checkSite(site, http, log);
      log.info('site checked', { ...result });
      return result;
    }),
  );
}

async function checkSite(site: SiteConfig, http: ReturnType<typeof createScrapeHttpClient>, log: Logger): Promise<SiteCheck> {
  const adapter = createSiteAdapter(site);
  const result: SiteCheck = { site: site.id, isHealthy: false, httpStatus: null, responseMs: null, cardsFound: 0, detailUrl: null, detailTitle: null, failure: null };

  const startedMs = performance.now();
  try {
    const page = await http.fetchPage(listingPageUrl(site, site.listing.firstPage), { blockedMarkers: site.blockedMarkers });
    result.httpStatus = page.status;
    result.responseMs = Math.round(performance.now() - startedMs);

    const listing = adapter.parseListing(page.html, page.url);
    result.cardsFound = listing.postings.length;
    if (listing.isEmpty) {
      return { ...result, failure: 'no_cards' };
    }

    for (const card of listing.postings.slice(0, DETAIL_ATTEMPTS)) {
      const detailUrl = stripTrackingFromUrl(card.url);
      const detailPage = await http.fetchPage(detailUrl, { blockedMarkers: site.blockedMarkers });
      const posting = adapter.parseDetail(detailPage.html, detailPage.url);
      if (!isMissingPosting(posting)) {
        return { ...result, isHealthy: true, detailUrl, detailTitle: posting.title };
      }
    }
    return { ...result, failure: 'detail_not_parsed' };
  } catch (error) {
    result.responseMs ??= Math.round(performance.now() - startedMs);
    if (error instanceof FetchError) {
      result.httpStatus ??= error.statusCode ?? null;
    }
    log.warn('site check failed', { site: site.id, error });
    return { ...result, failure: error instanceof FetchError ? error.reason : `parse_failed: ${errorMessage(error)}` };
  }
}
